package org.openill.application;

/**
 * A record of an imported file that did not reach the union catalogue.
 *
 * @param position      where the record is in the file, counting from 1
 * @param controlNumber its control number (001) when it could be read, else null
 * @param reason        why it was skipped, in plain words
 */
public record SkippedRecord(int position, String controlNumber, String reason) {
}

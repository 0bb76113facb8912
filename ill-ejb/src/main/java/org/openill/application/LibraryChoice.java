package org.openill.application;

/** A library as a list to choose from shows it: its ISIL and name. */
public record LibraryChoice(String isil, String name) {
}

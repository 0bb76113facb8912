package org.openill.infrastructure.marc;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Leader;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.openill.domain.Text;
import org.openill.domain.catalogue.Identifiers;
import org.openill.domain.catalogue.RecordFormat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.openill.domain.catalogue.BibliographicRecord.AUTHORS_LENGTH;
import static org.openill.domain.catalogue.BibliographicRecord.CONTROL_NUMBER_LENGTH;
import static org.openill.domain.catalogue.BibliographicRecord.EDITION_LENGTH;
import static org.openill.domain.catalogue.BibliographicRecord.PUBLISHER_LENGTH;
import static org.openill.domain.catalogue.BibliographicRecord.SUBJECTS_LENGTH;
import static org.openill.domain.catalogue.BibliographicRecord.SUBTITLE_LENGTH;
import static org.openill.domain.catalogue.BibliographicRecord.TITLE_LENGTH;

/**
 * Reads a MARC 21 bibliographic record as a library's catalogue exports it and says what the union catalogue makes
 * of it: title and statement of responsibility without their ISBD punctuation, the first valid ISBN and ISSN, the
 * imprint, the form of the work from the leader. A record is refused when it has no title, or when nothing would
 * find it again on the next import (no control number, no valid ISBN or ISSN).
 */
public final class MarcRecordMapper {

    /** The punctuation ISBD puts before the next element: " /", " :", " ;", " =", ",". */
    private static final Pattern TRAILING_SEPARATOR = Pattern.compile("\\s*[/:;=,]+$");

    /** A full stop that belongs to an initial ("Tolkien, J. R. R.") and must stay. */
    private static final Pattern TRAILING_INITIAL = Pattern.compile("(^|[\\s.])\\p{Lu}\\.$");

    /** A standard number at the start of an 020 or 022, before qualifiers such as "(pbk.)" or ": £20.00". */
    private static final Pattern STANDARD_NUMBER = Pattern.compile("^\\d[\\d\\s-]*[\\dXx]?");

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)\\d{4}(?!\\d)");

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{3}");

    /** Half a character (regular expressions read a surrogate pair as one character) and the two non-characters. */
    private static final Pattern NOT_A_CHARACTER = Pattern.compile("[\\uD800-\\uDFFF\\uFFFE\\uFFFF]");

    private MarcRecordMapper() {
    }

    /** The catalogue entry for the record, or the reason the record cannot become one. */
    public static MarcMapping map(Record record) {
        String controlNumber = text(record.getControlNumber());
        String title = tidy(firstSubfield(record, "245", 'a'));
        if (title == null) {
            return new MarcMapping.Rejected(controlNumber, "no title (245 $a)");
        }
        // An identifier cut short could match another work on the next import: such a record is refused, not cut.
        if (controlNumber != null && Text.length(controlNumber) > CONTROL_NUMBER_LENGTH) {
            return new MarcMapping.Rejected(controlNumber, "the control number (001) is longer than the "
                    + CONTROL_NUMBER_LENGTH + " characters the catalogue keeps");
        }
        List<String> isbns = subfields(record, List.of("020"), 'a');
        List<String> issns = subfields(record, List.of("022"), 'a');
        String isbn = firstValid(isbns, Identifiers::normalizeIsbn);
        String issn = firstValid(issns, Identifiers::normalizeIssn);
        if (controlNumber == null && isbn == null && issn == null) {
            return new MarcMapping.Rejected(null, withoutIdentifier(isbns, issns));
        }
        List<DataField> imprints = imprints(record);
        // Descriptive values longer than the catalogue keeps are cut: the work stays findable by the start of its
        // title and its identifiers, where refusing it would leave it out of the union catalogue altogether.
        return new CatalogueEntry(controlNumber,
                Text.cut(title, TITLE_LENGTH),
                Text.cut(tidy(firstSubfield(record, "245", 'b')), SUBTITLE_LENGTH),
                joined(subfields(record, List.of("100", "700"), 'a'), AUTHORS_LENGTH),
                isbn,
                issn,
                Text.cut(imprints.stream().map(imprint -> withoutSeparator(subfield(imprint, 'b')))
                        .filter(Objects::nonNull).findFirst().orElse(null), PUBLISHER_LENGTH),
                year(imprints, fixedField(record, 7, 11)),
                Text.cut(withoutSeparator(firstSubfield(record, "250", 'a')), EDITION_LENGTH),
                language(fixedField(record, 35, 38)),
                joined(subfields(record, List.of("600", "650", "651"), 'a'), SUBJECTS_LENGTH),
                format(record));
    }

    /** The copies the record says the library holds, one per field 852 (none when it has no 852). */
    public static List<HoldingEntry> holdings(Record record) {
        List<HoldingEntry> holdings = new ArrayList<>();
        for (VariableField field : record.getVariableFields("852")) {
            if (field instanceof DataField location) {
                String sublocation = text(subfield(location, 'b'));
                String shelving = text(subfield(location, 'c'));
                String branch = shelving == null ? null : sublocation;
                String collection = shelving == null ? sublocation : shelving;
                String classification = text(subfield(location, 'h'));
                String item = text(subfield(location, 'i'));
                String callNumber = classification == null ? item
                        : item == null ? classification : classification + " " + item;
                if (callNumber == null) {
                    callNumber = text(subfield(location, 'j'));
                }
                holdings.add(new HoldingEntry(branch, collection, callNumber, text(subfield(location, 'p'))));
            }
        }
        return holdings;
    }

    private static String withoutIdentifier(List<String> isbns, List<String> issns) {
        List<String> problems = new ArrayList<>();
        if (!isbns.isEmpty()) {
            problems.add("ISBN " + isbns.get(0) + " is not a valid ISBN");
        }
        if (!issns.isEmpty()) {
            problems.add("ISSN " + issns.get(0) + " is not a valid ISSN");
        }
        if (problems.isEmpty()) {
            return "no identifier: the record has no control number (001), ISBN (020) or ISSN (022), "
                    + "so a later import could not find it again";
        }
        return String.join(", ", problems) + " and the record has no other identifier";
    }

    /** The first number a normaliser accepts; records often list the ISBN of each binding, not all of them valid. */
    private static String firstValid(List<String> values, UnaryOperator<String> normaliser) {
        for (String value : values) {
            Matcher number = STANDARD_NUMBER.matcher(value);
            if (number.find()) {
                try {
                    return normaliser.apply(number.group());
                } catch (IllegalArgumentException invalid) {
                    // a misprinted number: the next one may be right
                }
            }
        }
        return null;
    }

    /** Publication statements first (264, second indicator 1), then other 264s, then the older 260. */
    private static List<DataField> imprints(Record record) {
        return dataFields(record, List.of("264", "260")).stream()
                .sorted(Comparator.comparingInt(field -> field.getTag().equals("264")
                        ? (field.getIndicator2() == '1' ? 0 : 1) : 2))
                .toList();
    }

    /** The year of publication from the imprint ("c1999.", "[2009]"), else Date 1 of the fixed fields (008/07-10). */
    private static Integer year(List<DataField> imprints, String date1) {
        for (DataField imprint : imprints) {
            String date = subfield(imprint, 'c');
            Matcher year = YEAR.matcher(date == null ? "" : date);
            if (year.find()) {
                return Integer.valueOf(year.group());
            }
        }
        return date1 != null && date1.matches("\\d{4}") ? Integer.valueOf(date1) : null;
    }

    private static String language(String code) {
        return code != null && LANGUAGE_CODE.matcher(code).matches() ? code : null;
    }

    /** The form of the work from the leader (06 type of record, 07 bibliographic level) and the dissertation note. */
    private static RecordFormat format(Record record) {
        Leader leader = record.getLeader();
        char type = leader == null ? ' ' : leader.getTypeOfRecord();
        char[] levelAndControl = leader == null ? null : leader.getImplDefined1();
        char level = levelAndControl == null || levelAndControl.length == 0 ? ' ' : levelAndControl[0];
        if (level == 's') {
            return RecordFormat.JOURNAL;
        }
        return switch (type) {
            case 'e', 'f' -> RecordFormat.MAP;
            case 'c', 'd' -> RecordFormat.SCORE;
            case 'g', 'i', 'j' -> RecordFormat.AUDIOVISUAL;
            default -> record.getVariableField("502") != null ? RecordFormat.THESIS : RecordFormat.BOOK;
        };
    }

    private static String fixedField(Record record, int from, int to) {
        VariableField field = record.getVariableField("008");
        String data = field instanceof ControlField fixed ? fixed.getData() : null;
        return data != null && data.length() >= to ? data.substring(from, to) : null;
    }

    private static String firstSubfield(Record record, String tag, char code) {
        return dataFields(record, List.of(tag)).stream().map(field -> subfield(field, code))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String subfield(DataField field, char code) {
        Subfield subfield = field.getSubfield(code);
        return subfield == null ? null : text(subfield.getData());
    }

    /** Every subfield of that code in the fields of those tags, in the order of the record. */
    private static List<String> subfields(Record record, List<String> tags, char code) {
        List<String> values = new ArrayList<>();
        for (DataField field : dataFields(record, tags)) {
            for (Subfield subfield : field.getSubfields(code)) {
                String value = text(subfield.getData());
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static List<DataField> dataFields(Record record, List<String> tags) {
        return record.getVariableFields(tags.toArray(String[]::new)).stream()
                .filter(DataField.class::isInstance).map(DataField.class::cast).toList();
    }

    /**
     * The value as the catalogue stores it, or null when blank. Records converted from MARC-8 spell accented letters
     * as a letter plus a combining mark; composing them lets a reader's "é" find them. Control characters (NUL
     * among them, which PostgreSQL refuses) become spaces and half characters (unpaired UTF-16 surrogates) the
     * replacement character: both are damage from the export, not part of the title or name.
     */
    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = Normalizer.normalize(value, Normalizer.Form.NFC)
                .replaceAll("\\p{Cntrl}", " ");
        cleaned = NOT_A_CHARACTER.matcher(cleaned).replaceAll("\uFFFD").replaceAll("\\s{2,}", " ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String withoutSeparator(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = TRAILING_SEPARATOR.matcher(value).replaceFirst("").strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Without the ISBD punctuation that ends a title or a name: separators, then a final full stop. */
    private static String tidy(String value) {
        String trimmed = withoutSeparator(value);
        if (trimmed == null || !trimmed.endsWith(".") || trimmed.endsWith("..")
                || TRAILING_INITIAL.matcher(trimmed).find()) {
            return trimmed;
        }
        return withoutSeparator(trimmed.substring(0, trimmed.length() - 1));
    }

    /** Headings joined by "; ", each once, as many whole headings as the column holds. */
    private static String joined(List<String> values, int limit) {
        Set<String> headings = new LinkedHashSet<>();
        values.stream().map(MarcRecordMapper::tidy).filter(Objects::nonNull).forEach(headings::add);
        StringBuilder joined = new StringBuilder();
        for (String heading : headings) {
            String separator = joined.isEmpty() ? "" : "; ";
            if (Text.length(joined + separator + heading) > limit) {
                // a first heading longer than the column is shortened; later ones are left out whole
                return joined.isEmpty() ? Text.cut(heading, limit) : joined.toString();
            }
            joined.append(separator).append(heading);
        }
        return joined.isEmpty() ? null : joined.toString();
    }
}

package org.openill.domain.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.Text;

import java.util.Objects;

/**
 * An ISO 18626 agency identifier: the type of the identifier (for example ISIL) and its value (for example ZZ-NUL).
 * It names a library in every message exchanged with partners.
 */
@Embeddable
public class AgencyId {

    public static final String ISIL = "ISIL";

    public static final int TYPE_LENGTH = 20;
    public static final int VALUE_LENGTH = 50;

    @Column(name = "agency_id_type", nullable = false, length = TYPE_LENGTH)
    private String type;

    @Column(name = "agency_id_value", nullable = false, length = VALUE_LENGTH)
    private String value;

    protected AgencyId() {
        // for JPA
    }

    public AgencyId(String type, String value) {
        if (type == null || type.isBlank()) {
            throw new IllRuleViolation("An agency id needs a type, such as ISIL");
        }
        if (value == null || value.isBlank()) {
            throw new IllRuleViolation("An agency id needs a value, such as ZZ-NUL");
        }
        this.type = Text.required("agency id type", type, TYPE_LENGTH);
        this.value = Text.required("agency id", value, VALUE_LENGTH);
    }

    public static AgencyId isil(String value) {
        return new AgencyId(ISIL, value);
    }

    /**
     * An agency id value someone looks a library up by, checked like a stored one so that the lookup cannot fail in
     * the database; null when blank.
     */
    public static String lookupValue(String value) {
        return Text.optional("agency id", value, VALUE_LENGTH);
    }

    public String type() {
        return type;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgencyId that && type.equals(that.type) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}

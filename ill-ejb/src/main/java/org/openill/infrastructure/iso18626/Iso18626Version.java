package org.openill.infrastructure.iso18626;

import java.net.URL;
import java.util.Set;

/**
 * The versions of the ISO 18626 schema a partner library may speak. Both share one namespace; a message says which
 * it follows in the {@code ill:version} attribute of its root element.
 */
public enum Iso18626Version {

    /** ISO 18626:2021, schema 2021-2 (June 2022): the version we write. */
    V2021("2021-2", "ISO-18626-2021-2.xsd", Set.of("2021", "2021-1", "2021-2", "1.3")),

    /** ISO 18626:2017, schema 1.2, which most systems in use still send (ReShare, Alma, ...). */
    V1_2("1.2", "ISO-18626-v1_2.xsd", Set.of("1.0", "1.1", "1.2"));

    private final String attribute;
    private final String schemaFile;
    private final Set<String> claimedBy;

    Iso18626Version(String attribute, String schemaFile, Set<String> claimedBy) {
        this.attribute = attribute;
        this.schemaFile = schemaFile;
        this.claimedBy = claimedBy;
    }

    /** The value of the {@code ill:version} attribute we write for this version. */
    public String attribute() {
        return attribute;
    }

    /** The schema of this version, from the class path. */
    URL schema() {
        return Iso18626Version.class.getResource("/iso18626/" + schemaFile);
    }

    /**
     * The version a message's {@code ill:version} attribute names; one we do not know (or none) is taken for the
     * current version, whose schema then decides.
     */
    static Iso18626Version claimedBy(String versionAttribute) {
        return V1_2.claimedBy.contains(versionAttribute.trim()) ? V1_2 : V2021;
    }

    /** The other version, which a message that breaks the schema it claims is checked against before refusing it. */
    Iso18626Version other() {
        return this == V2021 ? V1_2 : V2021;
    }
}

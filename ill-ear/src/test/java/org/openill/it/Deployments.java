package org.openill.it;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URI;
import java.util.List;

/** The EAR exactly as the build made it, with the test classes added to its web module for in-container tests. */
public final class Deployments {

    public static final URI APPLICATION = URI.create("http://localhost:8080/ill/");
    public static final URI READINESS = URI.create("http://localhost:9990/health/ready");

    private static final String WEB_MODULE = "ill-web.war";

    private Deployments() {
    }

    /** The built EAR, unchanged: for tests that use the application from outside, over HTTP or in a browser. */
    public static EnterpriseArchive builtEar() {
        File ear = new File(System.getProperty("ill.ear", "target/ill.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("The EAR " + ear + " is not built: run the tests through Maven (mvn verify)");
        }
        return ShrinkWrap.create(ZipImporter.class, "ill.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    /** The built EAR with the given test classes in its web module, where they see the EJB services. */
    public static EnterpriseArchive builtEarWith(Class<?>... testClasses) {
        return builtEarWithPages(List.of(), testClasses);
    }

    /**
     * The built EAR with test pages and their test classes in its web module; each page is a test resource under
     * {@code webapp/} and is served at the same path (a page that exists for a test never ships).
     */
    public static EnterpriseArchive builtEarWithPages(List<String> pages, Class<?>... testClasses) {
        EnterpriseArchive ear = builtEar();
        ArchivePath warPath = ArchivePaths.create(WEB_MODULE);
        WebArchive war = ShrinkWrap.create(ZipImporter.class, WEB_MODULE)
                .importFrom(ear.get(warPath).getAsset().openStream())
                .as(WebArchive.class);
        war.addClasses(testClasses);
        pages.forEach(page -> war.addAsWebResource("webapp/" + page, page));
        ear.delete(warPath);
        ear.addAsModule(war);
        return ear;
    }
}

package org.openill.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.staff.StaffDesk;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDFs staff print, written inside WildFly: OpenPDF finds the metrics and character map of its Chinese font among
 * its own resources there too (class path resources are vfs: URLs in WildFly). The test runs in the web module, whose
 * classes this module does not compile against: it calls the label writer by name.
 */
@ExtendWith(ArquillianExtension.class)
class StaffPdfIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(StaffPdfIT.class);
    }

    @Test
    void aLabelForALibraryWithAChineseNameIsWrittenInsideWildFlyInAChineseFont() throws Exception {
        StaffDesk.Slip slip = new StaffDesk.Slip(4712, "红楼梦 (Dream of the Red Chamber)", "Cao, Xueqin", "LOAN", null,
                "South City Library", "1 Harbour Road, South City", "北方大学图书馆", "5 College Lane, North Town",
                "ZZ-NUL", "Reader 8", null, List.of());

        byte[] pdf = (byte[]) Class.forName("org.openill.web.staff.SlipsPdf").getMethod("labels", List.class)
                .invoke(null, List.of(slip));

        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("%PDF-"), "a PDF");
        assertTrue(raw.contains("/BaseFont /STSongStd-Light-UniGB-UCS2-H")
                        || raw.contains("/BaseFont/STSongStd-Light-UniGB-UCS2-H"),
                "the Chinese characters are written in Adobe's Chinese font");
    }
}

package org.openill.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.domain.library.AgencyId;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.Iso18626Messages;
import org.openill.infrastructure.iso18626.Iso18626Messages.Item;
import org.openill.infrastructure.iso18626.Iso18626Messages.Service;
import org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds;
import org.openill.infrastructure.iso18626.Iso18626Version;
import org.openill.infrastructure.iso18626.MessageKind;
import org.openill.infrastructure.iso18626.ReadResult;
import org.openill.infrastructure.xml.SafeXml;
import org.openill.iso18626.v2021.Request;
import org.openill.iso18626.v2021.TypeErrorType;
import org.openill.iso18626.v2021.TypeRequestType;
import org.openill.iso18626.v2021.TypeServiceType;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The ISO 18626 schemas and JAXB classes at work inside WildFly, where class path resources are vfs: URLs. */
@ExtendWith(ArquillianExtension.class)
class Iso18626MessagesIT {

    private static final String NAMESPACE = "http://illtransactions.org/2013/iso18626";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(Iso18626MessagesIT.class);
    }

    @Test
    void schemaOnTheDeploymentsClassPathIsCompiledFromItsVfsUrl() throws Exception {
        URL xsd = Iso18626Codec.class.getResource("/iso18626/ISO-18626-2021-2.xsd");

        assertEquals("vfs", xsd.getProtocol(), xsd.toString());
        SafeXml.validate(SafeXml.schema(xsd), new ByteArrayInputStream(
                confirmation("2021-2").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void requestIsWrittenValidatedAndReadBackInsideWildFly() {
        TransactionIds ids = TransactionIds.of(AgencyId.isil("ZZ-NUL"), AgencyId.isil("ZZ-SCL"), "NUL-IT-1");
        String xml = Iso18626Codec.toXml(Iso18626Messages.request(ids, Instant.parse("2026-03-02T10:15:00Z"),
                Service.of(TypeRequestType.NEW, TypeServiceType.LOAN),
                Item.titled("Dream of the Red Chamber", "Cao, Xueqin").isbn("9787020002207"), List.of()));

        ReadResult.Accepted read = assertInstanceOf(ReadResult.Accepted.class, Iso18626Codec.read(xml), xml);

        assertEquals(Iso18626Version.V2021, read.version());
        assertEquals(MessageKind.REQUEST, read.kind());
        Request request = read.message().getRequest();
        assertEquals("NUL-IT-1", request.getHeader().getRequestingAgencyRequestId());
        assertEquals("Dream of the Red Chamber", request.getBibliographicInfo().getTitle());
        assertEquals(TypeServiceType.LOAN, request.getServiceInfo().getServiceType());
    }

    @Test
    void a1_2MessageIsRecognisedAndAnInvalidOneRefusedWithItsFault() {
        ReadResult.Accepted old = assertInstanceOf(ReadResult.Accepted.class,
                Iso18626Codec.read(confirmation("1.2")));
        assertEquals(Iso18626Version.V1_2, old.version());
        assertEquals(MessageKind.REQUEST_CONFIRMATION, old.kind());

        ReadResult.Rejected invalid = assertInstanceOf(ReadResult.Rejected.class,
                Iso18626Codec.read(confirmation("2021-2").replace(">OK<", ">FINE<")));
        assertEquals(TypeErrorType.UNRECOGNISED_DATA_VALUE, invalid.errorType());
        assertEquals("requestConfirmation/confirmationHeader/messageStatus", invalid.element());
        assertEquals("FINE", invalid.value());
    }

    /** A partner's confirmation that it received a request, in the version given. */
    private static String confirmation(String version) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ISO18626Message xmlns=\"" + NAMESPACE + "\" xmlns:ill=\"" + NAMESPACE + "\" ill:version=\""
                + version + "\"><requestConfirmation><confirmationHeader>"
                + "<timestamp>2026-03-02T10:15:00Z</timestamp>"
                + "<timestampReceived>2026-03-02T10:15:01Z</timestampReceived>"
                + "<messageStatus>OK</messageStatus>"
                + "</confirmationHeader></requestConfirmation></ISO18626Message>";
    }
}

package org.openill.application.protocol;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openill.application.PartnerDirectory;
import org.openill.application.PartnerDirectory.Partner;
import org.openill.domain.library.AgencyId;

import java.util.Optional;

/**
 * Chooses how a message reaches its receiver: in-process for a library hosted here, over HTTP for a partner hosted
 * elsewhere, as the network directory says.
 */
@ApplicationScoped
public class Transports implements MessageTransport {

    @EJB
    private PartnerDirectory directory;

    @Inject
    private InProcessTransport inProcess;

    @Inject
    private HttpPartnerTransport http;

    @Override
    public DeliveryOutcome deliver(AgencyId receiver, String xml) {
        Optional<Partner> partner = directory.partner(receiver);
        if (partner.isEmpty()) {
            return new DeliveryOutcome.Undeliverable("The network has no library " + receiver.value());
        }
        if (partner.get().hosted()) {
            return inProcess.deliver(xml);
        }
        if (partner.get().endpoint() == null) {
            return new DeliveryOutcome.Undeliverable(receiver.value() + " is hosted elsewhere and has no partner "
                    + "profile saying how to reach it");
        }
        return http.deliver(partner.get(), xml);
    }

    /** Messages all for libraries hosted here go in together; any other, each alone. */
    @Override
    public Optional<java.util.List<DeliveryOutcome>> deliverTogether(java.util.List<AgencyId> receivers,
                                                                     java.util.List<String> xmls) {
        if (receivers.stream().distinct().allMatch(this::isHostedHere)) {
            return inProcess.deliverTogether(xmls);
        }
        return Optional.empty();
    }

    /** Whether a message to the receiver is delivered in-process, at once after its sender's commit. */
    public boolean isHostedHere(AgencyId receiver) {
        return directory.partner(receiver).map(Partner::hosted).orElse(false);
    }
}

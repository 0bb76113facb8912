package org.openill.application.protocol;

import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.RotaEntry;
import org.openill.domain.request.ServiceType;
import org.openill.infrastructure.iso18626.Iso18626Messages;
import org.openill.infrastructure.iso18626.Iso18626Messages.Item;
import org.openill.infrastructure.iso18626.Iso18626Messages.Part;
import org.openill.infrastructure.iso18626.Iso18626Messages.Service;
import org.openill.infrastructure.iso18626.Iso18626Messages.SupplierReport;
import org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.PatronInfo;
import org.openill.iso18626.v2021.TypeAction;
import org.openill.iso18626.v2021.TypeReasonForMessage;
import org.openill.iso18626.v2021.TypeRequestType;
import org.openill.iso18626.v2021.TypeServiceType;
import org.openill.iso18626.v2021.TypeStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** The ISO 18626 messages each side's records give rise to, built from what the record holds. */
public final class ProtocolMessages {

    private ProtocolMessages() {
    }

    /** The ids of the borrower's transaction with the lender of the rota entry. */
    public static TransactionIds ids(IllRequest request, RotaEntry entry) {
        return new TransactionIds(request.borrower().agencyId(), entry.lender().agencyId(),
                entry.requestingAgencyRequestId(), entry.supplyingAgencyRequestId());
    }

    /** The ids of the lender's record, as its messages carry them. */
    public static TransactionIds ids(SupplierRequest request) {
        return new TransactionIds(request.requestingAgency(), request.lender().agencyId(),
                request.requestingAgencyRequestId(), request.supplyingAgencyRequestId());
    }

    /** The request as sent to the lender of the entry: New, or Retry following up the transaction before it. */
    public static ISO18626Message request(IllRequest request, RotaEntry entry, TypeRequestType type,
                                          String previousRequestId, Instant now) {
        Service service = Service.of(type, TypeServiceType.fromValue(request.serviceType().iso18626()));
        if (previousRequestId != null) {
            service = service.previousRequestId(previousRequestId);
        }
        ISO18626Message message = Iso18626Messages.request(ids(request, entry), now, service,
                item(request.description()), List.of());
        if (request.record() != null && request.record().id() != null) {
            // the union catalogue is shared by the network: its record id names the item for every member
            message.getRequest().getBibliographicInfo().setSupplierUniqueRecordId(request.record().id().toString());
        }
        PatronInfo patron = new PatronInfo();
        patron.setPatronId(request.reader().cardNumber());
        message.getRequest().setPatronInfo(patron);
        return message;
    }

    /** A reminder of the transaction with the lender: the same request id, requestType Reminder. */
    public static ISO18626Message reminder(IllRequest request, RotaEntry entry, Instant now) {
        return Iso18626Messages.request(ids(request, entry), now,
                Service.of(TypeRequestType.REMINDER, TypeServiceType.fromValue(request.serviceType().iso18626())),
                item(request.description()), List.of());
    }

    public static ISO18626Message action(TransactionIds ids, TypeAction action, String note, Instant now) {
        return Iso18626Messages.requestingAgencyMessage(ids, now, action, note);
    }

    public static ISO18626Message report(SupplierRequest request, SupplierReport report, Instant now) {
        return Iso18626Messages.supplyingAgencyMessage(ids(request), now, report.lastChange(now));
    }

    /** A report with the lender's current status, for the given reason. */
    public static SupplierReport status(SupplierRequest request, TypeReasonForMessage reason) {
        SupplierReport report = SupplierReport.of(reason, TypeStatus.fromValue(request.state().iso18626()));
        return request.dueDate() == null ? report : report.dueDate(endOfDay(request.dueDate(), request.lender().timeZone()));
    }

    /** A due date as ISO 18626 carries it (a date-time): the end of the day at the lender. */
    public static Instant endOfDay(LocalDate date, ZoneId zone) {
        return date.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    }

    private static Item item(BibliographicDescription description) {
        Item item = Item.titled(description.title(), description.authors()).isbn(description.isbn())
                .issn(description.issn()).edition(description.edition());
        if (description.partTitle() != null || description.pages() != null) {
            item = item.part(new Part(description.partTitle(), description.partAuthor(), description.volume(),
                    description.issue(), description.pages()));
        }
        return item;
    }

    static ServiceType service(TypeServiceType type) {
        return type == null ? ServiceType.LOAN : ServiceType.ofIso18626(type.value());
    }
}

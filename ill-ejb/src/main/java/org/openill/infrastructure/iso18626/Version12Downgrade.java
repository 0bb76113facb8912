package org.openill.infrastructure.iso18626;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.openill.infrastructure.iso18626.Iso18626Codec.NAMESPACE;

/**
 * Rewrites a message valid against the 2021 schema into the shape of the 1.2 schema, for a partner library whose
 * system still speaks ISO 18626:2017. It undoes what {@link Version12Upgrade} does, and deals with what 2021 added:
 * <ul>
 *     <li><b>Renamed and moved.</b> {@code itemFormat} is {@code preferredFormat} in {@code serviceInfo} and
 *     {@code deliveredFormat} in {@code deliveryInfo}, whose {@code deliveryMethod} is {@code sentVia}; the children
 *     of {@code bibliographicItemId} go back to identifier-then-code; the retry terms {@code offeredCosts},
 *     {@code retryAfter} and {@code retryBefore} leave {@code retryInfo} for the end of {@code messageInfo}.</li>
 *     <li><b>Required in 1.2.</b> Every 1.2 header has a {@code multipleItemRequestId}; 2021 has it only, optional, in
 *     a request. A request keeps its own; elsewhere it is written empty, as 1.2 systems (ReShare, Alma) send it for a
 *     request of one item. A 2021 request may leave the supplier open, which 1.2 cannot: without a
 *     {@code supplyingAgencyId} it does not fit the 1.2 schema and is refused.</li>
 *     <li><b>Fewer repeats.</b> Where 1.2 takes one value and 2021 several, the first is kept and the others go into
 *     the note ({@code itemId}, {@code loanCondition} and {@code deliveryCosts} in {@code deliveryInfo},
 *     {@code offeredCosts}), except {@code bibliographicInfo/volume}, whose values are joined with ", " into one,
 *     and {@code requestSubType}, of which 1.2 takes three: repeats are left out, a fourth and fifth go into the
 *     note. Several {@code errorData} of a confirmation become one: the first, whose {@code errorValue} goes on
 *     with the type and value of each of the others.</li>
 *     <li><b>Dropped, said in the note.</b> Elements 1.2 has no place for are left out, each written into the note
 *     as its path and value, so the partner's staff still read them: {@code consortialId}, {@code authorId},
 *     {@code publisherId}, {@code serviceInfo/loanCondition}, {@code deliveryMethod} and {@code courierName} of a
 *     {@code requestedDeliveryInfo}, the other terms of {@code retryInfo} (conditions, edition, format, volume,
 *     service type and level, delivery method, courier, payment method), the {@code URL}, {@code address},
 *     {@code serviceType} and {@code paymentMethod} of {@code deliveryInfo}, and the whole {@code shippingInfo}.
 *     The note is the one 1.2 has where the element was: {@code serviceInfo/note} of a request,
 *     {@code messageInfo/note} of a supplyingAgencyMessage, the {@code note} of a requestingAgencyMessage; a note the
 *     message already has comes first, the 2021 details on a line of their own after it. A confirmation has no note:
 *     nothing of it is dropped but what the mappings below say.</li>
 *     <li><b>Codes 2021 added</b>, each mapped to the nearest 1.2 code, its 2021 name and meaning in the note:
 *     <ul>
 *         <li>{@code preferredEdition} {@code AnyEdition} / {@code ThisEdition} → {@code anyEdition} {@code Y} /
 *         {@code N} (the element 2021 deprecated for it), when the message has no {@code anyEdition} of its own;
 *         {@code MostRecentEdition}, which {@code anyEdition} cannot say, and any other case go into the note.</li>
 *         <li>status {@code HoldReturn} → {@code Loaned}: the item is still out on loan, which is all a 1.2 status
 *         can say; the note tells the borrower to keep it until the hold is released.</li>
 *         <li>status {@code ReleaseHoldReturn} → {@code Loaned}: the loan goes on as before the hold.</li>
 *         <li>action {@code HoldReturn} → {@code Notification}, and action {@code Lost} → {@code Notification}:
 *         1.2 has no action for either; a Notification changes nothing at the lender but puts the note before its
 *         staff, who then do by hand what the 2021 action would have done (keep the loan open, close it as
 *         CompletedWithoutReturn). Any other 1.2 action would make the lender's system do the wrong thing.
 *         The action named in a requestingAgencyMessageConfirmation is mapped alike.</li>
 *     </ul></li>
 * </ul>
 * Everything else (the other elements, codes and values) is the same in both schemas and is left as it is, so a
 * message downgraded and read back through {@link Version12Upgrade} is the message it was, less what 1.2 cannot say.
 */
final class Version12Downgrade {

    /** Opens the part of a note that carries what 1.2 has no element for. */
    static final String NOTE_HEADING = "ISO 18626:2021 details the 1.2 schema has no place for: ";

    /** The actions 2021 added, with what they tell the lender; sent as Notification. */
    private static final Map<String, String> ACTIONS = Map.of(
            "HoldReturn", "the return of the item is on hold, it stays with the borrowing library for now",
            "Lost", "the item is lost, it will not be returned");

    /** The statuses 2021 added, with what they tell the borrower; sent as Loaned. */
    private static final Map<String, String> STATUSES = Map.of(
            "HoldReturn", "keep the item, do not return it until the hold on its return is released",
            "ReleaseHoldReturn", "the hold on the return is released, return the item as the loan says");

    private static final Map<String, String> EDITIONS = Map.of("AnyEdition", "Y", "ThisEdition", "N");

    /** 1.2 takes at most this many requestSubType. */
    private static final int REQUEST_SUB_TYPES = 3;

    private final Document document;
    private final Element body;
    /** What 1.2 cannot carry, by path below the message, in the order found. */
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    private Version12Downgrade(Document document) {
        this.document = document;
        this.body = Iso18626Codec.firstChildElement(document.getDocumentElement());
    }

    /** Rewrites the document, which holds a message valid against the 2021 schema, in place. */
    static void toV12(Document document) {
        new Version12Downgrade(document).rewrite();
    }

    private void rewrite() {
        document.getDocumentElement().getAttributeNodeNS(NAMESPACE, "version")
                .setValue(Iso18626Version.V1_2.attribute());
        switch (body.getLocalName()) {
            case "request" -> request();
            case "supplyingAgencyMessage" -> supplyingAgencyMessage();
            case "requestingAgencyMessage" -> requestingAgencyMessage();
            default -> confirmation();
        }
    }

    private void request() {
        header(required(body, "header"));
        child(body, "bibliographicInfo").ifPresent(this::bibliographicInfo);
        child(body, "publicationInfo").flatMap(info -> child(info, "publisherId")).ifPresent(this::drop);
        Element serviceInfo = required(body, "serviceInfo");
        serviceInfo(serviceInfo);
        for (Element delivery : children(body, "requestedDeliveryInfo")) {
            child(delivery, "deliveryMethod").ifPresent(this::drop);
            child(delivery, "courierName").ifPresent(this::drop);
        }
        writeNotes(serviceInfo, Set.of());
    }

    private void supplyingAgencyMessage() {
        header(required(body, "header"));
        Element status = required(required(body, "statusInfo"), "status");
        String meaning = STATUSES.get(text(status));
        if (meaning != null) {
            note("statusInfo/status", text(status) + ", sent as Loaned: " + meaning);
            status.setTextContent("Loaned");
        }
        Element messageInfo = required(body, "messageInfo");
        child(body, "retryInfo").ifPresent(retryInfo -> retryTerms(retryInfo, messageInfo));
        child(body, "deliveryInfo").ifPresent(this::deliveryInfo);
        child(body, "shippingInfo").ifPresent(this::drop);
        writeNotes(messageInfo, Set.of("reasonUnfilled", "reasonRetry", "offeredCosts", "retryAfter", "retryBefore"));
    }

    private void requestingAgencyMessage() {
        header(required(body, "header"));
        action(required(body, "action"));
        writeNotes(body, Set.of());
    }

    private void confirmation() {
        // a confirmation has no note: what action() says of the action is not written anywhere
        child(body, "action").ifPresent(this::action);
        List<Element> errors = children(body, "errorData");
        if (errors.size() > 1) {
            Element first = errors.get(0);
            List<String> values = new ArrayList<>();
            child(first, "errorValue").ifPresent(value -> values.add(text(value)));
            for (Element other : errors.subList(1, errors.size())) {
                values.add(text(required(other, "errorType"))
                        + child(other, "errorValue").map(value -> ": " + text(value)).orElse(""));
                body.removeChild(other);
            }
            Element errorValue = child(first, "errorValue").orElseGet(() -> (Element) first.appendChild(
                    create(first, "errorValue", null)));
            errorValue.setTextContent(String.join("; ", values));
        }
    }

    /** A header of one of the three messages: no consortialId, and the multipleItemRequestId 1.2 requires. */
    private void header(Element header) {
        child(header, "consortialId").ifPresent(this::drop);
        if (child(header, "multipleItemRequestId").isEmpty()) {
            insert(header, create(header, "multipleItemRequestId", ""), Set.of("timestamp"));
        }
    }

    private void bibliographicInfo(Element info) {
        child(info, "authorId").ifPresent(this::drop);
        List<Element> volumes = children(info, "volume");
        if (volumes.size() > 1) {
            volumes.get(0).setTextContent(volumes.stream().map(Version12Downgrade::text)
                    .collect(Collectors.joining(", ")));
            volumes.subList(1, volumes.size()).forEach(info::removeChild);
        }
        for (Element id : children(info, "bibliographicItemId")) {
            id.insertBefore(required(id, "bibliographicItemIdentifier"), required(id, "bibliographicItemIdentifierCode"));
        }
    }

    private void serviceInfo(Element info) {
        Set<String> subTypes = new LinkedHashSet<>();
        for (Element subType : children(info, "requestSubType")) {
            if (!subTypes.add(text(subType))) {
                info.removeChild(subType);
            } else if (subTypes.size() > REQUEST_SUB_TYPES) {
                drop(subType);
            }
        }
        child(info, "itemFormat").ifPresent(format -> rename(format, "preferredFormat"));
        child(info, "preferredEdition").ifPresent(edition -> {
            String anyEdition = EDITIONS.get(text(edition));
            if (anyEdition != null && child(info, "anyEdition").isEmpty()) {
                // anyEdition stands just before preferredEdition in 2021, where 1.2 has it too
                info.replaceChild(create(info, "anyEdition", anyEdition), edition);
            } else {
                drop(edition);
            }
        });
        children(info, "loanCondition").forEach(this::drop);
    }

    /** offeredCosts (the first), retryAfter and retryBefore go back to the end of messageInfo; the rest is noted. */
    private void retryTerms(Element retryInfo, Element messageInfo) {
        children(retryInfo, "offeredCosts").stream().findFirst().ifPresent(messageInfo::appendChild);
        child(retryInfo, "retryAfter").ifPresent(messageInfo::appendChild);
        child(retryInfo, "retryBefore").ifPresent(messageInfo::appendChild);
        children(retryInfo).forEach(this::drop);
        body.removeChild(retryInfo);
    }

    private void deliveryInfo(Element info) {
        keepFirst(info, "itemId");
        child(info, "URL").ifPresent(this::drop);
        child(info, "deliveryMethod").ifPresent(method -> rename(method, "sentVia"));
        child(info, "address").ifPresent(this::drop);
        keepFirst(info, "loanCondition");
        child(info, "itemFormat").ifPresent(format -> rename(format, "deliveredFormat"));
        child(info, "serviceType").ifPresent(this::drop);
        keepFirst(info, "deliveryCosts");
        child(info, "paymentMethod").ifPresent(this::drop);
    }

    private void action(Element action) {
        String meaning = ACTIONS.get(text(action));
        if (meaning != null) {
            note("action", text(action) + ", sent as Notification: " + meaning);
            action.setTextContent("Notification");
        }
    }

    private void keepFirst(Element parent, String name) {
        List<Element> all = children(parent, name);
        all.subList(Math.min(1, all.size()), all.size()).forEach(this::drop);
    }

    /** Leaves the element out, and notes its path and value. */
    private void drop(Element element) {
        note(path(element), value(element));
        element.getParentNode().removeChild(element);
    }

    private void note(String path, String value) {
        notes.computeIfAbsent(path, p -> new ArrayList<>()).add(value);
    }

    /** Writes what was noted into the note of {@code holder}, which comes before the elements named {@code after}. */
    private void writeNotes(Element holder, Set<String> after) {
        if (notes.isEmpty()) {
            return;
        }
        String details = NOTE_HEADING + notes.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
                .collect(Collectors.joining("; "));
        Optional<Element> note = child(holder, "note");
        if (note.isPresent()) {
            note.get().setTextContent(note.get().getTextContent() + "\n" + details);
        } else {
            insert(holder, create(holder, "note", details), after);
        }
    }

    /** The element's path below the message, an element that repeats numbered from 1: requestedDeliveryInfo[2]/... */
    private String path(Element element) {
        List<String> steps = new ArrayList<>();
        for (Element step = element; step != body; step = (Element) step.getParentNode()) {
            List<Element> alike = children((Element) step.getParentNode(), step.getLocalName());
            steps.add(0, step != element && alike.size() > 1
                    ? step.getLocalName() + "[" + (alike.indexOf(step) + 1) + "]" : step.getLocalName());
        }
        return String.join("/", steps);
    }

    /** The element's text, or for one of several parts each part's path and text: (currencyCode: EUR, ...). */
    private static String value(Element element) {
        List<String> parts = new ArrayList<>();
        parts(element, "", parts);
        return parts.isEmpty() ? text(element) : "(" + String.join(", ", parts) + ")";
    }

    private static void parts(Element element, String prefix, List<String> into) {
        for (Element child : children(element)) {
            String path = prefix + child.getLocalName();
            if (children(child).isEmpty()) {
                into.add(path + ": " + text(child));
            } else {
                parts(child, path + "/", into);
            }
        }
    }

    private void rename(Element element, String localName) {
        document.renameNode(element, NAMESPACE, prefixed(element, localName));
    }

    /** An element in the namespace, with the prefix {@code like} uses, holding {@code text} if not null. */
    private Element create(Element like, String localName, String text) {
        Element element = document.createElementNS(NAMESPACE, prefixed(like, localName));
        if (text != null) {
            element.setTextContent(text);
        }
        return element;
    }

    /** Puts the element before the first child of {@code parent} named in {@code after}, or last. */
    private static void insert(Element parent, Element element, Set<String> after) {
        Element before = children(parent).stream().filter(child -> after.contains(child.getLocalName()))
                .findFirst().orElse(null);
        parent.insertBefore(element, before);
    }

    private static String prefixed(Element element, String localName) {
        return element.getPrefix() == null ? localName : element.getPrefix() + ":" + localName;
    }

    private static String text(Element element) {
        return element.getTextContent().trim();
    }

    private static Element required(Element parent, String name) {
        return child(parent, name).orElseThrow(() -> new IllegalStateException(
                "A valid 2021 message has " + name + " in " + parent.getLocalName()));
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        return children(parent).stream().filter(child -> child.getLocalName().equals(name)).toList();
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }
}

package org.openill.infrastructure.iso18626;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.openill.infrastructure.iso18626.Iso18626Codec.NAMESPACE;

/**
 * Rewrites a message valid against the 1.2 schema into the shape of the 2021 schema, so the rest of the code knows one
 * model. The two share a namespace and almost every element; 2021 renamed three elements, moved the retry terms from
 * {@code messageInfo} into a {@code retryInfo} of their own, swapped the two children of {@code bibliographicItemId},
 * made {@code region} plain text and dropped two ids from headers where they meant nothing. What it dropped is
 * dropped here too: {@code multipleItemRequestId} outside a request, {@code supplyingAgencyRequestId} in a
 * request, which no supplier has yet when the request is sent, and {@code requestingAgencyAuthentication} in a
 * supplyingAgencyMessage, where 1.2's one header for all messages allowed the borrower's credentials in a message of
 * the lender. In a request, an empty {@code multipleItemRequestId}
 * is what 1.2 systems write for a request of one item, as the 1.2 schema requires the element: 2021 makes it
 * optional, and it is left out. A 1.2 request may lack {@code serviceInfo}, which 2021 requires; it then stays
 * without. {@link Version12Downgrade} goes the other way.
 */
final class Version12Upgrade {

    private static final Map<String, String> RENAMED = Map.of(
            "preferredFormat", "itemFormat",
            "sentVia", "deliveryMethod",
            "deliveredFormat", "itemFormat");

    /** The retry terms 1.2 kept in messageInfo, in the order 2021's retryInfo takes them. */
    private static final List<String> RETRY_TERMS = List.of("offeredCosts", "retryBefore", "retryAfter");

    private Version12Upgrade() {
    }

    static void toV2021(Document document) {
        Element root = document.getDocumentElement();
        root.getAttributeNodeNS(NAMESPACE, "version").setValue(Iso18626Version.V2021.attribute());
        for (Element element : descendants(root)) {
            String name = element.getLocalName();
            String parent = element.getParentNode().getLocalName();
            Element grandparent = element.getParentNode().getParentNode() instanceof Element e ? e : null;
            if (RENAMED.containsKey(name)) {
                document.renameNode(element, NAMESPACE, prefixed(element, RENAMED.get(name)));
            } else if (name.equals("multipleItemRequestId") && (element.getTextContent().isBlank()
                    || !(grandparent != null && grandparent.getLocalName().equals("request")))) {
                element.getParentNode().removeChild(element);
            } else if (name.equals("supplyingAgencyRequestId") && grandparent != null
                    && grandparent.getLocalName().equals("request")) {
                element.getParentNode().removeChild(element);
            } else if (name.equals("requestingAgencyAuthentication") && grandparent != null
                    && grandparent.getLocalName().equals("supplyingAgencyMessage")) {
                element.getParentNode().removeChild(element);
            } else if (name.equals("bibliographicItemIdentifierCode")) {
                element.getParentNode().insertBefore(element, element.getParentNode().getFirstChild());
            } else if (name.equals("region") && parent.equals("physicalAddress")) {
                element.removeAttributeNS(NAMESPACE, "scheme");
            } else if (name.equals("messageInfo")) {
                moveRetryTerms(document, element);
            }
        }
    }

    /** offeredCosts, retryAfter and retryBefore leave messageInfo for a retryInfo after statusInfo. */
    private static void moveRetryTerms(Document document, Element messageInfo) {
        Element retryInfo = document.createElementNS(NAMESPACE, prefixed(messageInfo, "retryInfo"));
        for (String term : RETRY_TERMS) {
            for (Element child : children(messageInfo)) {
                if (child.getLocalName().equals(term)) {
                    retryInfo.appendChild(child);
                }
            }
        }
        if (retryInfo.hasChildNodes()) {
            Node statusInfo = messageInfo.getNextSibling();
            while (statusInfo != null && !"statusInfo".equals(statusInfo.getLocalName())) {
                statusInfo = statusInfo.getNextSibling();
            }
            messageInfo.getParentNode().insertBefore(retryInfo, statusInfo == null ? null : statusInfo.getNextSibling());
        }
    }

    /** The name with the prefix the element's own name uses, so the rewritten document keeps its prefixes. */
    private static String prefixed(Element element, String localName) {
        return element.getPrefix() == null ? localName : element.getPrefix() + ":" + localName;
    }

    private static List<Element> descendants(Element root) {
        List<Element> all = new ArrayList<>();
        for (Element child : children(root)) {
            all.add(child);
            all.addAll(descendants(child));
        }
        return all;
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

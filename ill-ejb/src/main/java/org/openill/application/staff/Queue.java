package org.openill.application.staff;

import org.openill.domain.lending.SupplierState;
import org.openill.domain.request.RequestState;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tabs of the back office's two queues: the library's borrowing requests (its readers' requests, table
 * {@code ill_request} as {@code r}) and its lending records (partners' requests to it, {@code supplier_request} as
 * {@code s}), each tab a fixed SQL condition on the row. The conditions are constants of the program, never text a
 * user typed.
 */
public enum Queue {
    // ---- borrowing: where each of the library's readers' requests waits ----
    BORROWING_NEW(Side.BORROWING, states(RequestState.NEW), null),
    BORROWING_TO_ROUTE(Side.BORROWING, states(RequestState.VALIDATED, RequestState.AWAITING_ROUTING), null),
    BORROWING_AWAITING_LENDER(Side.BORROWING, states(RequestState.REQUEST_RECEIVED, RequestState.EXPECT_TO_SUPPLY,
            RequestState.WILL_SUPPLY, RequestState.RETRY_POSSIBLE, RequestState.CANCEL_REQUESTED), null),
    BORROWING_CONDITIONS(Side.BORROWING, states(RequestState.CONDITIONS_PROPOSED,
            RequestState.AWAITING_READER_CONSENT), null),
    BORROWING_IN_TRANSIT(Side.BORROWING, states(RequestState.LOANED), "r.received_at IS NULL"),
    BORROWING_ON_LOAN(Side.BORROWING, states(RequestState.LOANED, RequestState.RECALLED, RequestState.RETURN_HELD),
            "r.received_at IS NOT NULL"),
    BORROWING_OVERDUE(Side.BORROWING, states(RequestState.OVERDUE), null),
    BORROWING_RENEWAL_ASKED(Side.BORROWING, itemOut(), "r.renewal_requested"),
    BORROWING_RETURNED(Side.BORROWING, states(RequestState.SHIPPED_BACK, RequestState.SHIPPED_FORWARD), null),
    BORROWING_EXCEPTIONS(Side.BORROWING, null, """
            r.id IN (SELECT m.request_id FROM outbound_message m WHERE m.state IN ('FAILED', 'REFUSED') \
            AND m.settled_at IS NULL AND m.request_id IS NOT NULL UNION SELECT f.request_id FROM clock_failure f \
            WHERE f.needs_attention_since IS NOT NULL UNION SELECT a.request_id FROM attention_flag a \
            WHERE a.cleared_at IS NULL AND a.request_id IS NOT NULL)"""),
    BORROWING_DONE(Side.BORROWING, EnumSet.copyOf(Arrays.stream(RequestState.values())
            .filter(RequestState::isFinal).toList()), null),
    BORROWING_ALL(Side.BORROWING, null, null),

    // ---- lending: where each partner's request to the library waits ----
    LENDING_NEW(Side.LENDING, states(SupplierState.NEW, SupplierState.EXPECT_TO_SUPPLY), null),
    LENDING_TO_SHIP(Side.LENDING, states(SupplierState.WILL_SUPPLY), null),
    LENDING_CONDITIONS(Side.LENDING, states(SupplierState.RETRY_POSSIBLE), null),
    LENDING_IN_TRANSIT(Side.LENDING, states(SupplierState.LOANED), "s.borrower_received_at IS NULL"),
    LENDING_ON_LOAN(Side.LENDING, states(SupplierState.LOANED, SupplierState.RECALLED, SupplierState.HOLD_RETURN),
            "s.borrower_received_at IS NOT NULL"),
    LENDING_OVERDUE(Side.LENDING, states(SupplierState.OVERDUE), null),
    LENDING_RENEWAL_ASKED(Side.LENDING, EnumSet.copyOf(Arrays.stream(SupplierState.values())
            .filter(SupplierState::isItemOut).toList()), "s.renewal_pending"),
    LENDING_RETURNS_TO_RECEIVE(Side.LENDING, states(SupplierState.RETURN_SHIPPED, SupplierState.SHIPPED_FORWARD), null),
    LENDING_EXCEPTIONS(Side.LENDING, null, """
            s.id IN (SELECT m.supplier_request_id FROM outbound_message m WHERE m.state IN ('FAILED', 'REFUSED') \
            AND m.settled_at IS NULL AND m.supplier_request_id IS NOT NULL UNION SELECT f.request_id \
            FROM clock_failure f WHERE f.needs_attention_since IS NOT NULL UNION SELECT a.supplier_request_id \
            FROM attention_flag a WHERE a.cleared_at IS NULL AND a.supplier_request_id IS NOT NULL)"""),
    LENDING_DONE(Side.LENDING, EnumSet.copyOf(Arrays.stream(SupplierState.values())
            .filter(SupplierState::isFinal).toList()), null),
    LENDING_ALL(Side.LENDING, null, null);

    /** Which of the library's two records a queue lists. */
    public enum Side { BORROWING, LENDING }

    private final Side side;
    private final Set<? extends Enum<?>> states;
    private final String condition;

    Queue(Side side, Set<? extends Enum<?>> states, String condition) {
        this.side = side;
        this.states = states;
        this.condition = condition;
    }

    public Side side() {
        return side;
    }

    /** The tab's name without its side ("NEW", "TO_SHIP"): the key of its label. */
    public String tab() {
        return name().substring(name().indexOf('_') + 1);
    }

    /** The tabs of one side, in the order the pages show them. */
    public static java.util.List<Queue> of(Side side) {
        return Arrays.stream(values()).filter(queue -> queue.side == side).toList();
    }

    /** The SQL condition on the row that puts it in this tab, or null for every row of the library. */
    public String condition() {
        String alias = side == Side.BORROWING ? "r" : "s";
        String inStates = states == null ? null : alias + ".state IN (" + states.stream()
                .map(state -> "'" + state.name() + "'").sorted().collect(Collectors.joining(", ")) + ")";
        if (inStates == null) {
            return condition;
        }
        return condition == null ? inStates : inStates + " AND " + condition;
    }

    @SafeVarargs
    private static <E extends Enum<E>> Set<E> states(E first, E... rest) {
        return EnumSet.of(first, rest);
    }

    private static Set<RequestState> itemOut() {
        return EnumSet.copyOf(Arrays.stream(RequestState.values()).filter(RequestState::isItemOut).toList());
    }
}

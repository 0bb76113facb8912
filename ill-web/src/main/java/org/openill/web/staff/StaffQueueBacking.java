package org.openill.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.staff.Queue;
import org.openill.application.staff.QueueFilter;
import org.openill.application.staff.QueueKey;
import org.openill.application.staff.QueueLine;
import org.openill.application.staff.QueueOrder;
import org.openill.application.staff.QueueSql;
import org.openill.application.staff.StaffDesk;
import org.openill.application.staff.StaffQueues;
import org.openill.domain.IllException;
import org.openill.web.common.Texts;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A queue of the back office (borrowing or lending, one tab at a time): a lazy table read a page at a time in keyset
 * order, narrowed by number, title, reader and partner, with bulk actions on the rows selected. The count is taken
 * once per tab and filter (capped), never on every page.
 */
@Named
@ViewScoped
public class StaffQueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffQueues queues;

    @Inject
    StaffDesk desk;

    private String side = "borrowing";
    private String tab;
    private String number;
    private String title;
    private String reader;
    private String partner;
    private String order = "NEWEST";
    private QueueFilter filter = QueueFilter.NONE;
    private final Rows rows = new Rows();
    private List<QueueLine> selected = new ArrayList<>();

    /** Reads the view parameters: an unknown side or tab falls back to the first tab of the borrowing queue. */
    public void load() {
        if (!"lending".equals(side)) {
            side = "borrowing";
        }
        List<Queue> tabs = getTabs();
        if (tabs.stream().noneMatch(queue -> queue.tab().equals(tab))) {
            tab = tabs.get(0).tab();
        }
        if (reader != null && !reader.isBlank()) {
            applyFilter(); // a reader's requests, linked from the readers page
        }
    }

    public List<Queue> getTabs() {
        return Queue.of("lending".equals(side) ? Queue.Side.LENDING : Queue.Side.BORROWING);
    }

    public Queue getQueue() {
        return Queue.valueOf(side.toUpperCase(java.util.Locale.ROOT) + "_" + tab);
    }

    public boolean isLending() {
        return "lending".equals(side);
    }

    /** Narrows the queue to what staff typed; a bad value is shown next to its field and nothing changes. */
    public void applyFilter() {
        try {
            Long id = number == null || number.isBlank() ? null : Long.valueOf(number.strip().replaceFirst("^#", ""));
            filter = new QueueFilter(id, title, reader, partner);
            rows.restart();
            selected = new ArrayList<>();
        } catch (NumberFormatException notANumber) {
            Texts.message("queue-filter:number", FacesMessage.SEVERITY_ERROR, "queue.badNumber", number);
        } catch (IllException refused) {
            Texts.refused(null, refused);
        }
    }

    public void clearFilter() {
        number = title = reader = partner = null;
        filter = QueueFilter.NONE;
        rows.restart();
        selected = new ArrayList<>();
    }

    /** The table's rows, a page at a time. */
    public class Rows extends LazyDataModel<QueueLine> {

        private static final long serialVersionUID = 1L;

        /** The capped count of the tab and filter, or null until taken. */
        private Integer total;
        private QueueOrder shownOrder;
        private int shownFirst = -1;
        private QueueKey firstKey;
        private QueueKey lastKey;

        void restart() {
            total = null;
            shownFirst = -1;
            firstKey = lastKey = null;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            if (total == null) {
                total = queues.count(getQueue(), filter);
            }
            return Math.min(total, QueueSql.COUNT_CAP);
        }

        @Override
        public List<QueueLine> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                    Map<String, FilterMeta> filterBy) {
            QueueOrder wanted = order();
            if (!wanted.equals(shownOrder)) {
                shownFirst = -1;
                firstKey = lastKey = null;
            }
            int rowCount = count(filterBy);
            setRowCount(rowCount);
            Queue queue = getQueue();
            List<QueueLine> lines;
            if (first == 0 || shownFirst < 0 && first < pageSize) {
                lines = queues.page(queue, filter, wanted, null, 0, pageSize);
            } else if (first == shownFirst + pageSize && lastKey != null) {
                lines = queues.page(queue, filter, wanted, lastKey, 0, pageSize);
            } else if (first == shownFirst - pageSize && firstKey != null) {
                lines = reversed(queues.page(queue, filter, wanted.reversed(), firstKey, 0, pageSize));
            } else if (first + pageSize >= rowCount) {
                // the last page, read from the other end: as quick as the first, however long the queue
                int size = total > QueueSql.COUNT_CAP ? pageSize : Math.max(1, rowCount - first);
                lines = reversed(queues.page(queue, filter, wanted.reversed(), null, 0, size));
            } else {
                lines = queues.page(queue, filter, wanted, null, first, pageSize);
            }
            shownOrder = wanted;
            shownFirst = first;
            firstKey = lines.isEmpty() ? null : QueueKey.of(lines.get(0));
            lastKey = lines.isEmpty() ? null : QueueKey.of(lines.get(lines.size() - 1));
            return lines;
        }

        @Override
        public String getRowKey(QueueLine line) {
            return String.valueOf(line.id());
        }

        @Override
        public QueueLine getRowData(String rowKey) {
            List<QueueLine> shown = getWrappedData();
            return shown == null ? null : shown.stream().filter(line -> String.valueOf(line.id()).equals(rowKey))
                    .findFirst().orElse(null);
        }

        public boolean isMore() {
            return total != null && total > QueueSql.COUNT_CAP;
        }

        public int getTotal() {
            return total == null ? 0 : Math.min(total, QueueSql.COUNT_CAP);
        }
    }

    private static List<QueueLine> reversed(List<QueueLine> lines) {
        List<QueueLine> copy = new ArrayList<>(lines);
        Collections.reverse(copy);
        return copy;
    }

    private QueueOrder order() {
        return switch (order == null ? "NEWEST" : order) {
            case "OLDEST" -> new QueueOrder(false, false);
            case "CHANGED_LATEST" -> new QueueOrder(true, true);
            case "CHANGED_EARLIEST" -> new QueueOrder(true, false);
            default -> QueueOrder.NEWEST_FIRST;
        };
    }

    // ---- bulk actions on the rows selected ----

    public void bulkRoute() {
        bulk("queue.done.routed", id -> {
            if (!desk.route(id)) {
                throw new org.openill.domain.IllRuleViolation("Request " + id + ": no lender could be found")
                        .says("noLender", id);
            }
        });
    }

    public void bulkValidate() {
        bulk("queue.done.validated", desk::validate);
    }

    public void bulkReceive() {
        bulk("queue.done.received", desk::receive);
    }

    public void bulkShipBack() {
        bulk("queue.done.shippedBack", desk::shipBack);
    }

    public void bulkWillSupply() {
        bulk("queue.done.willSupply", desk::willSupply);
    }

    public void bulkShip() {
        bulk("queue.done.shipped", desk::shipFirstCopy);
    }

    public void bulkCheckIn() {
        bulk("queue.done.checkedIn", desk::checkIn);
    }

    /** Does the action for each row selected, each on its own; tells which succeeded and why the others did not. */
    private void bulk(String doneKey, LongConsumer action) {
        if (selected == null || selected.isEmpty()) {
            Texts.message(null, FacesMessage.SEVERITY_WARN, "queue.selectFirst");
            return;
        }
        List<Long> done = new ArrayList<>();
        for (QueueLine line : selected) {
            try {
                action.accept(line.id());
                done.add(line.id());
            } catch (IllException refused) {
                Texts.message(null, FacesMessage.SEVERITY_ERROR, "queue.refusedFor", line.id(),
                        Texts.refusal(refused));
            } catch (jakarta.ejb.EJBException failed) {
                Texts.message(null, FacesMessage.SEVERITY_ERROR, "queue.refusedFor", line.id(),
                        Texts.of("queue.failed"));
            }
        }
        if (!done.isEmpty()) {
            Texts.message(null, FacesMessage.SEVERITY_INFO, doneKey, done.size(),
                    done.stream().map(id -> "#" + id).collect(java.util.stream.Collectors.joining(", ")));
        }
        selected = new ArrayList<>();
        rows.restart();
    }

    /** The pick slips of the lending rows selected, as PDF. */
    public StreamedContent getPickSlips() {
        return pdf("pick-slips.pdf", ids -> SlipsPdf.pickSlips(desk.lendingSlips(ids)));
    }

    /** The shipping labels of the rows selected (to the requesting library, or back to the lender), as PDF. */
    public StreamedContent getLabels() {
        return pdf("shipping-labels.pdf", ids -> SlipsPdf.labels(isLending() ? desk.lendingSlips(ids)
                : desk.returnSlips(ids)));
    }

    private StreamedContent pdf(String name, java.util.function.Function<List<Long>, byte[]> writer) {
        List<Long> ids = selected == null ? List.of() : selected.stream().map(QueueLine::id).toList();
        if (ids.isEmpty()) {
            Texts.message(null, FacesMessage.SEVERITY_WARN, "queue.selectFirst");
            return null;
        }
        byte[] bytes = writer.apply(ids);
        return DefaultStreamedContent.builder().name(name).contentType("application/pdf")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    // ---- properties ----

    public Rows getRows() {
        return rows;
    }

    public List<QueueLine> getSelected() {
        return selected;
    }

    public void setSelected(List<QueueLine> selected) {
        this.selected = selected;
    }

    public String getSide() {
        return side;
    }

    public void setSide(String side) {
        this.side = side;
    }

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getReader() {
        return reader;
    }

    public void setReader(String reader) {
        this.reader = reader;
    }

    public String getPartner() {
        return partner;
    }

    public void setPartner(String partner) {
        this.partner = partner;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        if (!java.util.Objects.equals(this.order, order)) {
            this.order = order;
            rows.restart();
        }
    }
}

package org.openill.web.staff;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.staff.StaffDesk;
import org.openill.application.staff.StaffProfile;

import java.util.List;
import java.util.Map;

/** The back office's first page: who is signed in, the library's queues by state, its latest requests. */
@Named
@RequestScoped
public class StaffHomeBacking {

    @Inject
    StaffDesk desk;

    private StaffProfile me;
    private StaffDesk.Overview overview;

    public StaffProfile getMe() {
        if (me == null) {
            me = desk.me();
        }
        return me;
    }

    public List<Map.Entry<String, Long>> getBorrowing() {
        return overview().borrowing().entrySet().stream()
                .map(e -> Map.entry(e.getKey().name(), e.getValue())).toList();
    }

    public List<Map.Entry<String, Long>> getLending() {
        return overview().lending().entrySet().stream()
                .map(e -> Map.entry(e.getKey().name(), e.getValue())).toList();
    }

    public List<StaffDesk.BorrowingLine> getLatestBorrowing() {
        return desk.latestBorrowing(20);
    }

    public List<StaffDesk.LendingLine> getLatestLending() {
        return desk.latestLending(20);
    }

    private StaffDesk.Overview overview() {
        if (overview == null) {
            overview = desk.overview();
        }
        return overview;
    }
}

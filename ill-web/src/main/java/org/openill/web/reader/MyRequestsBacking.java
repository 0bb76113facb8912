package org.openill.web.reader;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.reader.MyRequestLine;
import org.openill.application.reader.ReaderPortal;

import java.util.List;

/** The signed-in reader's requests, open ones first, then past ones. */
@Named
@RequestScoped
public class MyRequestsBacking {

    @Inject
    ReaderPortal portal;

    private List<MyRequestLine> all;

    public List<MyRequestLine> getOpen() {
        return all().stream().filter(MyRequestLine::open).toList();
    }

    public List<MyRequestLine> getPast() {
        return all().stream().filter(line -> !line.open()).toList();
    }

    private List<MyRequestLine> all() {
        if (all == null) {
            all = portal.myRequests();
        }
        return all;
    }
}

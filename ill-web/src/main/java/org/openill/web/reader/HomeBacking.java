package org.openill.web.reader;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.NetworkOverview;
import org.openill.application.NetworkQueries;

/** The home page of the reader portal: the libraries of the network and the size of the union catalogue. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    NetworkQueries networkQueries;

    private NetworkOverview overview;

    public NetworkOverview getOverview() {
        if (overview == null) {
            overview = networkQueries.overview();
        }
        return overview;
    }
}

package org.openill.it;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The portal's sessions end after half an hour unused, and its pages keep their state on the server. */
@ExtendWith(ArquillianExtension.class)
class SessionSettingsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(SessionSettingsIT.class);
    }

    @Inject
    ServletContext portal;

    @Test
    void aSessionEndsAfterHalfAnHourWithoutARequest() {
        assertEquals(30, portal.getSessionTimeout());
    }

    @Test
    void pagesKeepTheirStateOnTheServer() {
        assertEquals("server", portal.getInitParameter("jakarta.faces.STATE_SAVING_METHOD"));
    }
}

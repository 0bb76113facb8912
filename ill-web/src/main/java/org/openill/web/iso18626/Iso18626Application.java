package org.openill.web.iso18626;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The ISO 18626 endpoint of the libraries hosted here: {@code POST /ill/iso18626}. */
@ApplicationPath("/iso18626")
public class Iso18626Application extends Application {
}

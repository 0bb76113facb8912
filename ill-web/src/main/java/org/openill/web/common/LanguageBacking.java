package org.openill.web.common;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the portal's pages: English or Simplified Chinese, switched on any page and remembered for a year in
 * a cookie (before anything is chosen: the browser's preferred one of the two).
 */
@Named("language")
@SessionScoped
public class LanguageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String COOKIE = "ill-language";
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, CHINESE);

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = initial(FacesContext.getCurrentInstance().getExternalContext());
        }
        return locale;
    }

    /** The language tag of the page's html element ("en", "zh-CN"). */
    public String getTag() {
        return getLocale().toLanguageTag();
    }

    public boolean isChinese() {
        return CHINESE.equals(getLocale());
    }

    /** Switches to the language (its tag) and shows the same page again in it. */
    public void switchTo(String tag) {
        Locale chosen = supported(tag);
        if (chosen == null) {
            return;
        }
        locale = chosen;
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        external.addResponseCookie(COOKIE, chosen.toLanguageTag(), Map.of("maxAge", 365 * 24 * 3600, "path",
                external.getRequestContextPath() + "/", "httpOnly", true, "SameSite", "Lax"));
        context.getViewRoot().setLocale(chosen);
        try {
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            String query = request.getQueryString();
            external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Locale initial(ExternalContext external) {
        Object request = external.getRequest();
        if (request instanceof HttpServletRequest http && http.getCookies() != null) {
            for (Cookie cookie : http.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && supported(cookie.getValue()) != null) {
                    return supported(cookie.getValue());
                }
            }
        }
        for (var preferred = external.getRequestLocales(); preferred.hasNext(); ) {
            Locale wanted = preferred.next();
            if ("zh".equals(wanted.getLanguage())) {
                return CHINESE;
            }
            if ("en".equals(wanted.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        Locale wanted = Locale.forLanguageTag(tag);
        return SUPPORTED.stream().filter(locale -> locale.equals(wanted)).findFirst().orElse(null);
    }
}

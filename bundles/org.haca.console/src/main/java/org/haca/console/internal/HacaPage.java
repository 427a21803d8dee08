package org.haca.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.felix.webconsole.servlet.AbstractServlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Base of the haca console pages: render a string; POST actions redirect back to GET (post/redirect/get). */
abstract class HacaPage extends AbstractServlet {
    private static final long serialVersionUID = 1L;

    static final String CATEGORY = "haca";

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        setNoCache(response);
        String body;
        try {
            body = render(request);
        } catch (RuntimeException e) {
            body = new Html().message("page failed: " + e, true).toString();
        }
        response.getWriter().write(body);
    }

    abstract String render(HttpServletRequest request);

    /** Redirects to this page's GET view with a message (escaped when rendered). */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String query) throws IOException {
        String base = request.getRequestURI();
        response.sendRedirect(base + (query == null ? "" : "?" + query));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

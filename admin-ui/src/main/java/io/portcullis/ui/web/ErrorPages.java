package io.portcullis.ui.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A small HTML error page, for refusals and for failures outside a form. */
@ApplicationScoped
public class ErrorPages {

    private final Template error;

    public ErrorPages(@Location("ui/error.html") Template error) {
        this.error = error;
    }

    public Response page(int status, String title, String message) {
        String html = error.data("status", status).data("title", title).data("message", message).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").build();
    }
}

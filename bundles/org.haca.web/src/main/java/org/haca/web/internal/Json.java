package org.haca.web.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one gson configuration of the REST API: nulls are written, so clients always see every documented key. */
public final class Json {
    public static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {
    }
}

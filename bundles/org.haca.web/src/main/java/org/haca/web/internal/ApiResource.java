package org.haca.web.internal;

/**
 * One REST resource under {@code /api/v1/<root>}. Each resource is a DS component of this bundle registered under this
 * (bundle-private) interface; {@link ApiServlet} routes to it by {@link #root()}, so adding an endpoint means adding
 * one class, nothing else.
 *
 * <p>Implementations are called concurrently and should read their dynamic service references once per request.
 */
public interface ApiResource {

    /** First path segment after {@code /api/v1/}, for example {@code node} or {@code models}. Unique per node. */
    String root();

    /**
     * Handles a request. Throw {@link ApiException} for anything the caller did wrong or that is unavailable; any other
     * exception becomes a 500 with a generic message (details go to the log, never to the client).
     */
    ApiResponse handle(ApiRequest request) throws ApiException;

    /**
     * Whether this call changes the node (upload, delete, install) and so needs the admin credentials. Checked by the
     * servlet before {@link #handle}; a call without valid credentials gets 401 and changes nothing.
     */
    default boolean requiresAdmin(ApiRequest request) {
        return false;
    }
}

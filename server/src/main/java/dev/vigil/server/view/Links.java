package dev.vigil.server.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Links within the dashboard, their values percent-encoded (the templates escape them again for HTML). */
public final class Links {

    private Links() {
    }

    /** A check's page; the ID's slashes are kept (the route takes them), everything else is encoded. */
    public static String check(String id) {
        return "/checks/" + Arrays.stream(id.split("/", -1)).map(Links::encode).collect(Collectors.joining("/"));
    }

    /** A form action that acts on a check ({@code suppress}, {@code unsuppress}). */
    public static String act(String action, String id) {
        return "/" + action + check(id).substring("/checks".length());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

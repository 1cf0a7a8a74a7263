package dev.vigil.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** How reports name the tool that wrote them. */
final class Product {

    static final String NAME = "Vigil";
    /** The project version, filtered into version.properties by the build. */
    static final String VERSION = readVersion();

    private Product() {
    }

    private static String readVersion() {
        try (InputStream in = Product.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

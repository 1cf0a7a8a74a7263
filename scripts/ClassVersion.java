import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the classes of a jar compiled for Java 5 as class file version 52 (Java 8), with the stack map frames the
 * JDK's ClassFile API computes for them, in place. The JVM keeps no class older than version 50 in a class-data
 * archive or an AOT cache, and checks such classes with its slow old verifier on every start: picocli targets Java 5,
 * and loading it that way was most of a cold {@code vigil iac}. The rewritten classes are verified by the JVM's
 * current verifier when they load, like any other. Needs JDK 24 or newer (the ClassFile API).
 *
 * <pre>java scripts/ClassVersion.java JAR</pre>
 */
public final class ClassVersion {

    private static final int JAVA_8 = 52;

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path rewritten = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()});
             ZipFile in = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(rewritten);
             ZipOutputStream out = new ZipOutputStream(file)) {
            ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
                    ClassModel model = classFile.parse(bytes);
                    if (model.majorVersion() < JAVA_8) {
                        // rebuilding every method body is what makes the API compute the stack map frames
                        bytes = classFile.transformClass(model, ClassTransform.transformingMethodBodies(
                                CodeTransform.ACCEPT_ALL).andThen(ClassTransform.endHandler(
                                        builder -> builder.withVersion(JAVA_8, 0))));
                    }
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}

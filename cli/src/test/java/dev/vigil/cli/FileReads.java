package dev.vigil.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Every file this JVM reads while it runs, as the JDK itself records it (Flight Recorder's {@code jdk.FileRead}
 * event, with no threshold): whatever API a loader uses to read a file, the read shows here.
 */
final class FileReads implements AutoCloseable {

    private final Recording recording = new Recording();

    FileReads() {
        recording.enable("jdk.FileRead").withThreshold(Duration.ZERO);
        recording.start();
    }

    /** The paths read since this recording started; {@code dump} is where the recording is written to be read. */
    Set<Path> stop(Path dump) throws IOException {
        recording.stop();
        recording.dump(dump);
        Set<Path> paths = new LinkedHashSet<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
            String path = event.getString("path");
            if (path != null) {
                paths.add(Path.of(path));
            }
        }
        return paths;
    }

    @Override
    public void close() {
        recording.close();
    }
}

package dev.vigil.realtime;

/** A message that no re-check can come from; it goes to the dead-letter queue with {@code reason} (one line). */
final class PoisonMessage extends Exception {

    PoisonMessage(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}

package dev.vigil.notify;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** A Slack incoming webhook; its URL is the secret. */
final class SlackChannel extends ConfiguredChannel {

    private final URI url;
    private final Secrets secrets;

    SlackChannel(ChannelConfig config, Settings settings) {
        super(config, settings);
        this.url = settings.secureUrl("url");
        this.secrets = Secrets.of(url == null ? List.of() : Secrets.urlParts(url));
    }

    @Override
    public void send(Digest digest) throws DeliveryException {
        HttpPost.send("Slack", url, body(digest), Map.of(), secrets);
    }

    byte[] body(Digest digest) {
        return DigestJson.bytes(SlackMessage.render(overview(digest)));
    }
}

package dev.vigil.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

/**
 * Amazon SNS: one Publish per digest to a topic. The message is structured per protocol: email subscribers
 * get the plain text, SMS the headline, and every other subscriber (SQS, Lambda, HTTP, Firehose) the JSON
 * document the webhook posts. The client is made per send (one a run) on the scanner's HTTP client and
 * timeouts, with the SDK's standard retries; longer retries are the service's.
 */
final class SnsChannel extends ConfiguredChannel {

    /** SNS's limit for a message, in bytes. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** SNS's limit for a subject, which must be ASCII without line breaks. */
    static final int MAX_SUBJECT = 100;

    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:aws[a-z-]*:sns:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_-]{1,256})");

    private final String topicArn;
    private final String region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;

    SnsChannel(ChannelConfig config, Settings settings) {
        super(config, settings);
        this.topicArn = settings.string("topicArn");
        Matcher arn = topicArn == null ? null : TOPIC_ARN.matcher(topicArn);
        if (arn != null && !arn.matches()) {
            settings.problem("topicArn", "'" + Text.clip(Text.line(topicArn), 300)
                    + "' is not a standard SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME; FIFO topics are not supported)");
        }
        String regionSetting = settings.optionalString("region");
        this.region = regionSetting != null ? regionSetting : arn != null && arn.matches() ? arn.group(1) : null;
        this.endpoint = settings.optionalUrl("endpointUrl");
        String profile = settings.optionalString("profile");
        this.credentials = profile != null ? ProfileCredentialsProvider.create(profile)
                : DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void send(Digest digest) throws DeliveryException {
        // a builder rather than a client: the SDK closes what it built when the SNS client closes
        SnsClientBuilder builder = SnsClient.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        try (SnsClient sns = builder.build()) {
            Overview overview = overview(digest);
            sns.publish(p -> p.topicArn(topicArn).subject(subject(overview)).messageStructure("json")
                    .message(message(digest)));
        } catch (AwsServiceException e) {
            boolean retryable = e.statusCode() == 429 || e.statusCode() >= 500 || RetryUtils.isThrottlingException(e);
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
            throw new DeliveryException("SNS Publish failed: " + code + Text.plain(e.awsErrorDetails() == null
                    ? e.getMessage() : e.awsErrorDetails().errorMessage()), retryable);
        } catch (SdkException e) {
            boolean io = causedBy(e, IOException.class);
            throw new DeliveryException((io ? "cannot reach SNS: " : "SNS Publish failed: ") + Text.plain(e.getMessage()),
                    io);
        }
    }

    /**
     * The per-protocol message; when it would pass SNS's size limit, fewer items are listed (the counts stay
     * whole).
     */
    String message(Digest digest) {
        for (int items = maxItems(); ; items /= 2) {
            Overview overview = Overview.of(digest, items);
            ObjectNode structured = DigestJson.MAPPER.createObjectNode();
            structured.put("default", DigestJson.render(overview).toString());
            structured.put("email", PlainText.render(overview));
            structured.put("sms", subject(overview));
            String message = structured.toString();
            if (items == 0 || message.getBytes(StandardCharsets.UTF_8).length <= MAX_MESSAGE_BYTES) {
                return message;
            }
        }
    }

    /** ASCII only, one line, at most 100 characters. */
    static String subject(Overview overview) {
        String ascii = Text.line("Vigil: " + overview.headline()).replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() <= MAX_SUBJECT ? ascii : ascii.substring(0, MAX_SUBJECT - 3) + "...";
    }
}

package dev.vigil.realtime;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A queue with its dead-letter queue as {@code vigil realtime setup} makes them (after 5 receives a message moves
 * there), made through the SDK: for the demo, the benchmark and the tests on the emulator.
 *
 * @param url           the queue, for {@code realtime.queues[].url}
 * @param deadLetterUrl its dead-letter queue
 */
public record EmulatedQueue(String url, String deadLetterUrl) {

    public static EmulatedQueue create(SqsClient sqs, String name) {
        String deadLetterUrl = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"5\"}"))).queueUrl();
        return new EmulatedQueue(url, deadLetterUrl);
    }
}

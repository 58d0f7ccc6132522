package dev.beak.nn.train;

/** Training had to stop (for example the loss became NaN); the message says where and why. */
public class TrainingException extends RuntimeException {
    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}

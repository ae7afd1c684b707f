import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Mints an HS256 JWT for the embedded default, for trying the API by hand:
 * {@code java scripts/MintToken.java <subject> <secret> [ttlSeconds]}. Prints the token.
 */
public class MintToken {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java scripts/MintToken.java <subject> <secret> [ttlSeconds]");
            System.exit(2);
        }
        String subject = args[0];
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        long ttl = args.length > 2 ? Long.parseLong(args[2]) : 3600;
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String payload = "{\"sub\":\"" + subject.replace("\"", "") + "\",\"iat\":" + now + ",\"auth_time\":" + now
                + ",\"exp\":" + (now + ttl) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String signature = b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
        System.out.println(signingInput + "." + signature);
    }
}

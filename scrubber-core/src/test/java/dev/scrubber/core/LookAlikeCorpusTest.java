package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What merely looks named comes back unchanged: ARNs, dotted identifiers and class names, Maven coordinates,
 * placeholders under every sensitive name and syntax, token-count fields, names that contain a keyword, and log
 * lines written the way Android, macOS and Java services print them. Values are generated where they can be.
 */
class LookAlikeCorpusTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();
    private final Random random = new Random(77);

    /** Lines in the shape real platforms log them (written for this test, not copied). */
    static final List<String> PLATFORM_LINES = List.of(
            "W/ActivityManager( 1234): Bad activity token: android.os.BinderProxy@2bd79ce",
            "E/WindowManager(  612): Attempted to add window with non-application token WindowToken{e3b1f2a null}.  Aborting.",
            "I/AccountManagerService( 891): getAuthToken: callingUid 10123, account Account {name=user@example.com, type=com.google}, authTokenType oauth2:https://www.googleapis.com/auth/userinfo.email",
            "D/KeyguardUpdateMonitor( 1402): onKeyguardVisibilityChanged(true)",
            "I/InputDispatcher(  612): Focus entering 4a3f2c1 com.example.app/com.example.app.MainActivity (server), reason=Window became focusable",
            "W/KeyStore( 2290): keystore2::km_compat: getKeyCharacteristics failed",
            "D/SessionManager( 1555): session 42 finished in 318 ms",
            "default 12:01:33.123456+0100 securityd SecKeychainSearchCopyNext: the specified item could not be found in the keychain.",
            "default 12:01:34.000001+0100 trustd cert[0]: AnchorTrusted =(leaf)[force]> 0",
            "default 12:01:35.992011+0100 authd Succeeded authorizing right 'system.login.console' by client '/System/Library/CoreServices/loginwindow.app' [98] for authorization created by '/System/Library/CoreServices/loginwindow.app' [98] (3,0) (engine 42)",
            "default 12:01:36.000000+0100 kernel Sandbox: com.apple.WebKit(123) deny(1) file-read-data /private/var/db/mds/system/mdsObject.db",
            "2026-11-30 10:15:02.331  INFO 1 --- [main] o.s.s.web.DefaultSecurityFilterChain : Will secure any request with [org.springframework.security.web.session.DisableEncodeUrlFilter@6f9e08d4, org.springframework.security.web.csrf.CsrfFilter@2b4d4327]",
            "2026-11-30 10:15:02.331 DEBUG 1 --- [nio-8080-exec-1] o.s.s.w.a.i.FilterSecurityInterceptor : Secure object: FilterInvocation: URL: /oauth/token; Attributes: [authenticated]",
            "2026-11-30 10:15:03.012  INFO 1 --- [main] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5e3f1b2a",
            "[main] INFO  org.apache.kafka.clients.producer.ProducerConfig - ProducerConfig values: key.serializer = class org.apache.kafka.common.serialization.StringSerializer",
            "\tssl.key.password = null",
            "\tssl.keystore.password = [hidden]",
            "\tsasl.jaas.config = [hidden]",
            "\tssl.truststore.location = /etc/kafka/truststore.jks",
            "Caused by: io.jsonwebtoken.ExpiredJwtException: JWT expired at 2026-01-01T00:00:00Z. Current time: 2026-01-02T00:00:00Z",
            "Downloaded from central: https://repo.maven.apache.org/maven2/io/jsonwebtoken/jjwt-jackson/0.12.6/jjwt-jackson-0.12.6.jar",
            "Resolved io.jsonwebtoken:jjwt-jackson:0.12.6 and org.springframework.security:spring-security-crypto:6.4.1",
            "Fetched secret arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/llm-app-Xy9Zq1 version AWSCURRENT",
            "Calling https://secretsmanager.us-east-1.amazonaws.com/ GetSecretValue SecretId=prod/db SecretName=prod-db",
            "GetObjectRequest(Bucket=reports-bucket, Key=reports/2026/11/summary.csv, VersionId=null)",
            "PutItemRequest(TableName=orders, Item={id=AttributeValue(S=o-123), status=AttributeValue(S=NEW)})",
            "ProducerRecord(topic=orders, partition=null, headers=RecordHeaders(headers = [], isReadOnly = false), key=order-12345, value=created, timestamp=null)",
            "usage={prompt_tokens=1200, completion_tokens=300, total_tokens=1500}",
            "ChatCompletionRequest(model=gpt-4o, max_tokens=1024, temperature=0.2, stream=false)",
            "tokenizer=cl100k_base encoding=utf-8 maxTokens=4096 tokenCount=1187",
            "Loaded keyStore=/etc/ssl/server.p12 keyStoreType=PKCS12 keyAlias=server trustStore=/etc/ssl/trust.p12",
            "Query primaryKey=order_id sortKey=created_at partitionKey=tenant_id cacheKey=orders:42:summary",
            "Idempotency-Key: 6f1c2a90-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
            "ListObjectsV2Response(IsTruncated=true, NextContinuationToken=1ueGcxLPRx1Tr, KeyCount=1000)",
            "nextPageToken=CAoQAA pageSize=50",
            "secretName=prod/llm-app secretArn=arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/llm-app-Xy9Zq1",
            "<SecretId>arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf</SecretId>",
            "Resolved [arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf, AWSCURRENT]",
            "passwordPolicy=min12 passwordEncoder=bcrypt password_hash_algorithm=argon2id",
            "spring.security.oauth2.client.registration.github.client-secret=${GITHUB_CLIENT_SECRET}",
            "Connecting to mongodb+srv://<user>:<password>@cluster0.abcde.mongodb.net/test?retryWrites=true",
            "Authorization: AWS4-HMAC-SHA256 Credential=<id>/20260101/us-east-1/s3/aws4_request, Signature=<signature>, SignedHeaders=host;x-amz-date",
            "for (String secret : secrets) { register(secret); }",
            "if (token == null || token.isBlank()) throw new IllegalStateException(\"token missing\");",
            "InvalidTokenException: token expired",
            "Token count: 4096",
            "password reset email sent to user 42",
            "The API key rotation is scheduled for Monday",
            "Unexpected token: '}' at line 3 column 14",
            "csrfHeaderName=X-CSRF-TOKEN csrfParameterName=_csrf",
            "X-Amz-Date: 20260101T000000Z");

    static final List<String> PLACEHOLDERS = List.of("${DB_PASSWORD}", "${vault:secret/db#password}", "{{ vault_db }}",
            "%s", "%(password)s", "***", "********", "xxxx", "XXXXXXXX", "0000", "your_api_key_here",
            "<redacted>", "<password>", "<YOUR_API_KEY>", "[REDACTED]", "[hidden]", "changeme", "null", "none",
            "$API_KEY", "%API_KEY%", "@db.password@", "*** Sensitive Data Redacted ***", "…", "REPLACE_ME");

    @Test
    void platformLogLinesComeBackUnchanged() {
        for (String line : PLATFORM_LINES) {
            assertThat(SCRUBBER.find(line)).as(line).isEmpty();
            assertThat(SCRUBBER.scrub(line)).isSameAs(line);
        }
    }

    @Test
    void placeholdersUnderEverySensitiveNameInEverySyntaxAreUntouched() {
        List<String> failures = new ArrayList<>();
        List<List<String>> names = new ArrayList<>(NamedValueCorpus.PASSWORD_NAMES);
        names.addAll(NamedValueCorpus.CREDENTIAL_NAMES);
        for (NamedValueCorpus.Syntax syntax : NamedValueCorpus.syntaxes()) {
            for (List<String> words : names) {
                String name = NamedValueCorpus.spellings(words).get(random.nextInt(4));
                if (!syntax.nameOk().test(name) || syntax.id().equals("query")) {
                    continue; // a URL-encoded template is text a client sent, not a template
                }
                for (String placeholder : PLACEHOLDERS) {
                    if (!syntax.valueOk().test(placeholder) && !syntax.id().startsWith("json")) {
                        continue;
                    }
                    String[] parts = syntax.writer().write(name, placeholder);
                    String line = parts[0] + parts[1] + parts[2];
                    if (!SCRUBBER.find(line).isEmpty()) {
                        failures.add(syntax.id() + ": " + line);
                    }
                }
            }
        }
        assertThat(failures).as("placeholders masked").isEmpty();
    }

    @Test
    void identifiersArnsAndCoordinatesUnderSensitiveNamesAreUntouched() {
        List<String> values = List.of("android.os.BinderProxy@2bd79ce", "com.example.auth.TokenService",
                "org.springframework.security.oauth2.jwt.JwtDecoder", "io.jsonwebtoken:jjwt-jackson:0.12.6",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/llm-app-Xy9Zq1",
                "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "DB_PASSWORD", "OPENAI_API_KEY", "getPassword()", "System.getenv(\"API_KEY\")", "this.apiKey");
        for (String name : List.of("token", "apiKey", "secret", "credentials", "signing-key")) {
            for (String value : values) {
                for (String line : List.of(name + "=" + value, "{" + name + "=" + value + ", x=1}",
                        "\"" + name + "\": \"" + value + "\"", name + ": " + value)) {
                    assertThat(SCRUBBER.find(line)).as(line).isEmpty();
                }
            }
        }
    }

    @Test
    void namesThatOnlyContainAKeywordKeepTheirValues() {
        List<String> names = List.of("max_tokens", "prompt_tokens", "completionTokens", "tokenizer", "tokenCount",
                "token_type", "nextPageToken", "NextToken", "keyId", "key_id", "keyStore", "keyAlias", "primaryKey",
                "sortKey", "cacheKey", "idempotency-key", "publicKey", "secretName", "secret_arn", "secretsmanager",
                "jsonwebtoken", "passwordPolicy", "password_hash", "authorName", "authority", "sessionTimeout",
                "cookieName", "signatureVersion", "credentialsProvider", "keyboard", "monkey", "hotkey");
        for (String name : names) {
            String value = randomWord(20);
            for (String line : List.of(name + "=" + value, "{\"" + name + "\":\"" + value + "\"}",
                    "{a=1, " + name + "=" + value + "}", name + ": " + value)) {
                assertThat(SCRUBBER.find(line)).as(line).isEmpty();
            }
        }
    }

    private String randomWord(int n) {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }
}

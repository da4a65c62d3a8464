package dev.scrubber.core;

import static dev.scrubber.core.Alphabet.B62;
import static dev.scrubber.core.Alphabet.B64;
import static dev.scrubber.core.Alphabet.B64U;
import static dev.scrubber.core.Alphabet.B64_PADDED;
import static dev.scrubber.core.Alphabet.BASE32;
import static dev.scrubber.core.Alphabet.DIGITS;
import static dev.scrubber.core.Alphabet.HEX;
import static dev.scrubber.core.Alphabet.HEX_ANY_CASE;
import static dev.scrubber.core.Alphabet.LOWER_ALNUM;
import static dev.scrubber.core.Alphabet.LOWER_BASE32;
import static dev.scrubber.core.Alphabet.UPPER_DIGITS;
import static dev.scrubber.core.Alphabet.WORD;
import static dev.scrubber.core.Checksum.CRC32_BASE62;
import static dev.scrubber.core.RuleDef.assignment;
import static dev.scrubber.core.RuleDef.nearby;
import static dev.scrubber.core.RuleDef.structural;
import static dev.scrubber.core.RuleDef.token;

import java.util.List;

/**
 * The built-in rules, as data. Order matters only for labels: when findings overlap, the merged span is labelled
 * with the earliest rule, so specific formats come before generic ones. Shapes follow the research notes in
 * {@code DESIGN.md}; every rule has positive and near-miss tests generated from the same data.
 */
final class Catalog {
    private static final Alphabet B64U_DOT = Alphabet.of("base64url and dots", "A-Za-z0-9_.-");
    private static final Alphabet B62_DASH = Alphabet.of("alphanumerics and dashes", "A-Za-z0-9-");
    private static final Alphabet ENTRA = Alphabet.of("Entra secret characters", "A-Za-z0-9_~.-");
    private static final Alphabet URL_B64 = Alphabet.of("URL-encoded base64", "A-Za-z0-9+/=%");
    private static final Alphabet BEARER = Alphabet.of("token68", "A-Za-z0-9._~+/=-");
    private static final Alphabet BECH32_UPPER = Alphabet.of("bech32", "02-9AC-HJ-NP-Z");
    private static final Alphabet SENTRY = Alphabet.of("Sentry token characters", "A-Za-z0-9_+/");
    private static final Alphabet AWS_ID = UPPER_DIGITS;
    /** How a Secret manifest names its kind in YAML, JSON and JSON inside a JSON log message. */
    private static final String[] KUBERNETES_SECRET = {"kind: Secret", "\"kind\":\"Secret\"", "\"kind\": \"Secret\"",
        "\\\"kind\\\":\\\"Secret\\\"", "\\\"kind\\\": \\\"Secret\\\""};
    /** A webhook URL's path: its ids and secret, and the {@code \\/} JSON writes for {@code /}. */
    private static final Alphabet WEBHOOK_PATH = Alphabet.of("webhook path", "A-Za-z0-9/\\_-");
    private static final Alphabet WEBHOOK_SLASH = Alphabet.of("slash", "/\\");
    private static final Alphabet ATLASSIAN = Alphabet.of("Atlassian token characters", "A-Za-z0-9+/_-");
    private static final Alphabet LOWER_ALNUM_DASH = Alphabet.of("lower-case alphanumerics and dashes", "a-z0-9-");
    private static final TokenShape AWS_KEY_ID = idShape(List.of("AKIA", "ASIA", "ABIA", "ACCA"), AWS_ID, 16, 2.5);
    private static final TokenShape ALIBABA_KEY_ID = idShape(List.of("LTAI"), B62, 20, 0);
    /**
     * Where credential names are found in text; which names count is decided by the vocabulary. Capitalised
     * {@code Key}/{@code KEY} are exact anchors (camelCase and SCREAMING_CASE names); lower-case {@code key} only
     * after a separator, glued to a qualifier, or right before an operator, so that "key" in prose costs nothing.
     */
    private static final String[] CREDENTIAL_NAME_ANCHORS = {"token", "_key", "-key", "key=", "key:",
        "key\"", "key'", "apikey", "accesskey", "secretkey", "privatekey", "accountkey", "storagekey", "signingkey",
        "licensekey", "encryptionkey", "clientkey", "authkey", "sessionkey", "subscriptionkey",
        "api key", "access key", "secret key", "account key", "private key", "signing key", "master key",
        "license key", "storage key", "encryption key", "credential", "creds", "cookie", "signature", "_auth",
        "-auth", ".auth", "auth=", "auth:", "auth\"", "auth'", "auth\\\"", "key\\\"", "key =", "key :", "key  ", "key\t", "key>",
        "auth =", "auth :", "auth  ", "auth\t", "auth>",
        "session"};

    private static final List<Rule> RULES = List.of(
            // ---- LLM and AI providers ----
            token("openai-project-key", "OpenAI project API key, current and older short form (GL, TH)")
                    .prefix("sk-proj-").run(B64U, 40, 250).marker("T3BlbkFJ").build(),
            token("openai-service-account-key", "OpenAI service-account API key")
                    .prefix("sk-svcacct-", "sk-service-").run(B64U, 40, 250).marker("T3BlbkFJ").build(),
            token("openai-admin-key", "OpenAI admin API key").prefix("sk-admin-")
                    .run(B64U, 40, 250).marker("T3BlbkFJ").build(),
            token("openai-user-key", "OpenAI user API key (sk-None-)").prefix("sk-None-")
                    .run(B64U, 40, 250).marker("T3BlbkFJ").build(),
            token("openai-legacy-key", "OpenAI legacy user API key").prefix("sk-")
                    .run(B62, 20).literal("T3BlbkFJ").run(B62, 20).build(),
            token("anthropic-api-key", "Anthropic API key").prefix("sk-ant-api03-")
                    .run(B64U, 93).literal("AA").build(),
            token("anthropic-admin-key", "Anthropic admin API key").prefix("sk-ant-admin01-")
                    .run(B64U, 93).literal("AA").build(),
            token("anthropic-oauth-token", "Anthropic OAuth access or refresh token")
                    .prefix("sk-ant-oat01-", "sk-ant-ort01-").run(B64U, 40, 250).build(),
            token("anthropic-session-key", "Anthropic (claude.ai) session key").prefix("sk-ant-sid01-")
                    .run(B64U, 40, 250).build(),
            token("anthropic-key", "Any other Anthropic sk-ant- key").prefix("sk-ant-")
                    .run(B64U, 40, 250).entropy(3.0).build(),
            token("google-api-key", "Google API key (Gemini, Maps, Firebase)").prefix("AIza").run(B64U, 35).build(),
            token("google-oauth-client-secret", "Google OAuth client secret").prefix("GOCSPX-").run(B64U, 28).build(),
            token("google-oauth-access-token", "Google OAuth access token").prefix("ya29.")
                    .run(B64U_DOT, 20, 2048).entropy(3.0).build(),
            token("groq-api-key", "Groq API key").prefix("gsk_").run(B62, 52).build(),
            token("huggingface-token", "Hugging Face user access token").prefix("hf_").run(B62, 34).build(),
            token("huggingface-org-token", "Hugging Face organization API token").prefix("api_org_")
                    .run(B62, 34).build(),
            token("replicate-api-token", "Replicate API token").prefix("r8_").run(B64U, 37).build(),
            token("perplexity-api-key", "Perplexity API key").prefix("pplx-").run(B62, 32, 64).build(),
            token("xai-api-key", "xAI (Grok) API key").prefix("xai-").run(WORD, 60, 100).build(),
            token("openrouter-api-key", "OpenRouter API key").prefix("sk-or-v1-").run(HEX, 64).build(),
            nearby("deepseek-api-key", "DeepSeek API key near the word deepseek").keywords("deepseek")
                    .prefix("sk-").run(HEX, 32).within(64).build(),
            token("together-api-key", "Together AI API key").prefix("tgp_v1_").run(B64U, 43).build(),
            nearby("together-api-key-legacy", "Together AI legacy key near the word together")
                    .keywords("together_api_key", "together-api-key", "together.ai", "together.xyz").run(HEX, 64)
                    .within(64).build(),
            token("fireworks-api-key", "Fireworks AI API key").prefix("fw_").run(B62, 20, 48).build(),
            nearby("mistral-api-key", "Mistral API key near the word mistral").keywords("mistral")
                    .run(B62, 32).entropy(3.5).within(64).build(),
            nearby("cohere-api-key", "Cohere API key near the word cohere or CO_API_KEY")
                    .keywords("cohere", "co_api_key").run(B62, 40).entropy(3.5).within(64).build(),
            token("langsmith-api-key", "LangSmith (LangChain) API key").prefix("lsv2_pt_", "lsv2_sk_")
                    .run(HEX, 32).literal("_").run(HEX, 10).build(),
            token("langfuse-secret-key", "Langfuse secret key").prefix("sk-lf-").uuid().build(),
            token("pinecone-api-key", "Pinecone API key").prefix("pcsk_").run(B62, 4, 8).literal("_")
                    .run(B62, 50, 80).build(),
            nearby("pinecone-api-key-legacy", "Pinecone legacy (UUID) API key near the word pinecone")
                    .keywords("pinecone").uuid().within(64).build(),
            nearby("weaviate-api-key", "Weaviate API key near the word weaviate").keywords("weaviate")
                    .run(B62, 32, 64).entropy(3.5).within(80).build(),
            nearby("qdrant-api-key", "Qdrant API key near the word qdrant").keywords("qdrant")
                    .run(B64U, 32, 128).entropy(3.5).within(80).build(),
            nearby("serpapi-api-key", "SerpAPI key near the word serpapi").keywords("serpapi")
                    .run(HEX, 64).within(80).build(),
            nearby("wolfram-app-id", "Wolfram|Alpha AppID near the word wolfram or appid")
                    .keywords("wolfram", "appid").run(UPPER_DIGITS, 6).literal("-").run(UPPER_DIGITS, 10)
                    .within(64).build(),
            nearby("azure-openai-key", "Azure OpenAI / AI services (32-hex) key near an Azure AI endpoint or variable "
                    + "(TH azure_openai)")
                    .keywords("openai.azure.com", "azure_openai", "azure-openai", "azureopenai", "cognitiveservices",
                            "cognitive.microsoft.com", "services.ai.azure.com", "azure_ai_", "azure-ai-",
                            "azure_cognitive", "azure_speech_key", "azure_language_key")
                    .run(HEX_ANY_CASE, 32).within(160).build(),
            token("azure-cask-key", "Azure AI and other Microsoft CASK keys (JQQJ9 signature)")
                    .anchorAt(52, "JQQJ9").run(B62, 52).literal("JQQJ9").run(B62, 27).build(),
            token("amazon-bedrock-api-key", "Amazon Bedrock long-term API key").prefix("ABSK")
                    .run(B64, 100, 300).padding().entropy(4.0).build(),
            token("amazon-bedrock-short-term-key", "Amazon Bedrock short-term API key")
                    .prefix("bedrock-api-key-").run(B64, 40, 4096).padding().build(),
            token("tavily-api-key", "Tavily API key").prefix("tvly-").run(B64U, 20, 64).build(),
            token("jina-api-key", "Jina AI API key").prefix("jina_").run(B64U, 40, 90).build(),
            token("nvidia-api-key", "NVIDIA NIM / build.nvidia.com API key").prefix("nvapi-").run(B64U, 64).build(),
            token("elevenlabs-api-key", "ElevenLabs API key").prefix("sk_").run(HEX, 48).build(),
            nearby("elevenlabs-api-key-legacy", "ElevenLabs legacy 32-hex API key near elevenlabs or xi-api-key (TH)")
                    .keywords("elevenlabs", "xi-api-key", "xi_api_key").run(HEX, 32).within(64).build(),
            token("cerebras-api-key", "Cerebras API key (prefix per Cerebras docs; 48 lower-case alphanumerics seen)")
                    .prefix("csk-").run(LOWER_ALNUM, 40, 64).build(),
            nearby("assemblyai-api-key", "AssemblyAI API key near the word assemblyai (TH assemblyai)")
                    .keywords("assemblyai", "assembly_ai").run(LOWER_ALNUM, 32).within(64).build(),
            nearby("deepgram-api-key", "Deepgram API key near the word deepgram (TH deepgram)").keywords("deepgram")
                    .run(LOWER_ALNUM, 40).within(64).build(),
            token("cartesia-api-key", "Cartesia API key (sk_car_ per the Cartesia console; 22 characters seen)")
                    .prefix("sk_car_").run(B62, 20, 64).build(),
            nearby("braintrust-api-key", "Braintrust API key near the word braintrust (TH braintrust)")
                    .keywords("braintrust").prefix("sk-").run(B62, 48).within(64).build(),
            token("voiceflow-api-key", "Voiceflow Dialog Manager or workspace API key (TH voiceflow)")
                    .prefix("VF.DM.", "VF.WS.").run(HEX_ANY_CASE, 24).literal(".").run(B62, 16).build(),
            token("apify-api-token", "Apify API token (TH apify)").prefix("apify_api_").run(B62, 36).build(),
            nearby("clarifai-api-key", "Clarifai API key or PAT near the word clarifai (TH clarifai)")
                    .keywords("clarifai").run(B62, 32).entropy(3.0).randomBody().within(64).build(),
            nearby("revai-access-token", "Rev.ai access token near rev.ai or its variable (TH rev)")
                    .keywords("rev_ai", "revai_", "rev_access_token").run(B64, 27, 100).padding()
                    .entropy(3.5).randomBody().within(64).build(),
            token("photoroom-api-key", "Photoroom API key, live or sandbox (TH photoroom)")
                    .prefix("sk_pr_", "sandbox_sk_pr_").run(B62, 1, 64).literal("_").run(HEX_ANY_CASE, 40).build(),
            nearby("runway-api-key", "Runway API secret near its variable (key_ per the Runway API docs)")
                    .keywords("runwayml", "runway_api", "runway-api").prefix("key_").run(B62, 32, 160).within(64)
                    .build(),
            nearby("fireworks-api-key-legacy", "Fireworks AI key without the fw_ prefix near the word fireworks (KH)")
                    .keywords("fireworks").run(B62, 40, 48).entropy(3.5).randomBody().within(64).build(),
            nearby("modal-token-secret", "Modal token secret (as-) near its name (Modal CLI variables and .modal.toml)")
                    .keywords("modal_token", "token_secret").prefix("as-").run(B62, 22).within(64).build(),
            token("mem0-api-key", "Mem0 platform API key (m0- per the Mem0 dashboard; 40 characters seen)")
                    .prefix("m0-").run(B62, 40).build(),
            token("e2b-api-key", "E2B API key (the E2B SDK checks e2b_ followed by 40 hex)").prefix("e2b_")
                    .run(HEX, 40).build(),
            nearby("firecrawl-api-key", "Firecrawl API key near the word firecrawl (fc- per the Firecrawl API docs; "
                    + "32 hex seen; a bare fc- prefix is too common in hex to anchor on)").keywords("firecrawl")
                    .prefix("fc-").run(HEX, 32).within(64).build(),
            token("helicone-api-key", "Helicone API key, secret or public, any region (Helicone auth docs)")
                    .prefix("sk-helicone-", "pk-helicone-").run(LOWER_ALNUM_DASH, 20, 80).build(),
            token("browserbase-api-key", "Browserbase API key (bb_live_ per the Browserbase dashboard)")
                    .prefix("bb_live_").run(B64U, 20, 64).build(),
            token("llamacloud-api-key", "LlamaCloud (LlamaIndex) API key (llx- per LlamaCloud configuration; length "
                    + "not published, 20–80 accepted)").prefix("llx-").run(B62, 20, 80).build(),
            nearby("wandb-api-key", "Weights & Biases API key near its variable, host or login (TH weightsandbiases)")
                    .keywords("wandb_api_key", "wandb-api-key", "api.wandb.ai", "wandb login")
                    .run(HEX, 40).within(64).build(),
            nearby("ai-service-api-key", "API key of an AI service whose keys have no prefix, near its variable or "
                    + "header (each provider's SDK documentation): Portkey, Exa, Zep, Arize/Phoenix, Unstructured, "
                    + "SambaNova, Novita, Baseten, Stability AI, Luma")
                    .keywords("portkey_api_key", "x-portkey-api-key", "exa_api_key", "zep_api_key", "arize_api_key",
                            "phoenix_api_key", "unstructured_api_key", "unstructured-api-key", "sambanova_api_key",
                            "novita_api_key", "baseten_api_key", "stability_api_key", "lumaai_api_key", "luma_api_key")
                    .run(B64U_DOT, 20, 200).entropy(3.3).randomBody().within(40).build(),

            // ---- Cloud ----
            token("aws-access-key-id", "AWS access key id (long-term and STS)")
                    .prefix("AKIA", "ASIA", "ABIA", "ACCA").run(AWS_ID, 16).entropy(2.5).build(),
            structural("aws-access-key-pair", "AWS secret access key right after (or near) its access key id",
                    NearbyTokenVerifier.pair(AWS_KEY_ID, B64, 40, 4.25, 100))
                    .anchors("AKIA", "ASIA", "ABIA", "ACCA").build(),
            nearby("aws-secret-access-key", "AWS secret access key near its name")
                    .keywords("aws_secret_access_key", "secret_access_key", "secretaccesskey", "aws_secret_key",
                            "secret access key", "aws-secret-access-key", "secret-access-key", "secret_key",
                            "secret-key", "secretkey")
                    .run(B64, 40).entropy(4.0).within(40).build(),
            token("aws-session-token", "AWS STS session token (by its fixed leading bytes)")
                    .prefix("IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE").run(B64, 80, 4096).padding().build(),
            nearby("aws-session-token-named", "AWS session token without the usual leading bytes, near a session-token "
                    + "name").keywords("aws_session_token", "x-amz-security-token", "sessiontoken", "security_token",
                            "aws-session-token", "security-token")
                    .run(URL_B64, 100, 4096).entropy(4.0).within(40).build(),
            assignment("gcp-private-key-id", "GCP service-account private_key_id").keywords("private_key_id")
                    .valueAlphabet(HEX).value(40, 40).build(),
            assignment("azure-storage-account-key", "Azure storage AccountKey in a connection string")
                    .keywords("accountkey=").valueAlphabet(B64_PADDED).value(80, 90).build(),
            assignment("azure-shared-access-key", "Azure Service Bus / Event Hubs SharedAccessKey")
                    .keywords("sharedaccesskey=").valueAlphabet(B64_PADDED).value(40, 50).build(),
            assignment("azure-sas-signature", "Azure SAS signature (sig=) in a URL or connection string")
                    .keywords("sig=").valueAlphabet(URL_B64).value(40, 200).entropy(3.5).build(),
            nearby("azure-search-key", "Azure AI Search admin or query key near its host or variable (TH)")
                    .keywords("search.windows.net", "azure_search", "azure-search", "azuresearch", "azure_ai_search",
                            "search_api_key", "search-api-key").run(B62, 52).within(80).build(),
            nearby("azure-cosmos-db-key", "Azure Cosmos DB account key near its host or name (TH azure_cosmosdb)")
                    .keywords("documents.azure.com", "table.cosmos.azure.com", "cosmos").run(B64, 86).literal("==")
                    .within(160).build(),
            token("azure-account-key", "64-byte base64 account key (Azure storage, Cosmos DB) under any name: "
                    + "88 characters ending == (MS, TH azure_storage); not after sha512-")
                    .anchorAt(86, "==").run(B64, 86).literal("==").entropy(4.5)
                    .notAfter("sha512-", "sha512:", "sha512=", "SHA512:", "sha-512=").build(),
            token("azure-entra-client-secret", "Microsoft Entra (Azure AD) client secret, any digit before Q~ (GL)")
                    .anchorAt(4, "Q~").run(ENTRA, 3).run(DIGITS, 1).literal("Q~")
                    .run(ENTRA, 31, 34).build(),
            nearby("azure-devops-pat", "Azure DevOps personal access token near its name or host")
                    .keywords("azure_devops", "azure-devops", "dev.azure.com", "ado_pat", "devops_pat")
                    .run(LOWER_BASE32, 52).within(80).build(),
            token("alibaba-access-key-id", "Alibaba Cloud AccessKey id").prefix("LTAI").run(B62, 20).build(),
            structural("alibaba-access-key-pair", "Alibaba Cloud AccessKey secret right after (or near) its id",
                    NearbyTokenVerifier.pair(ALIBABA_KEY_ID, B62, 30, 3.8, 100)).anchors("LTAI").build(),
            token("digitalocean-token", "DigitalOcean personal, OAuth or refresh token")
                    .prefix("dop_v1_", "doo_v1_", "dor_v1_").run(HEX, 64).build(),
            token("heroku-api-key", "Heroku API key (HRKU-)").prefix("HRKU-AA").run(B64U, 58).build(),
            nearby("heroku-api-key-legacy", "Heroku legacy (UUID) API key near the word heroku")
                    .keywords("heroku").uuid().within(64).build(),
            nearby("cloudflare-api-token", "Cloudflare API token near the word cloudflare")
                    .keywords("cloudflare", "cf_api_token").run(B64U, 40).entropy(3.5).within(64).build(),
            token("cloudflare-origin-ca-key", "Cloudflare Origin CA key").prefix("v1.0-").run(HEX, 24)
                    .literal("-").run(HEX, 146).notTruncated().build(),
            token("vault-token", "HashiCorp Vault service, batch or recovery token").prefix("hvs.", "hvb.", "hvr.")
                    .run(B64U, 24, 300).build(),
            token("terraform-cloud-token", "Terraform Cloud / HCP Terraform API token")
                    .anchorAt(14, ".atlasv1.").run(B62, 14).literal(".atlasv1.").run(B64U, 60, 70).build(),
            token("pulumi-access-token", "Pulumi access token").prefix("pul-").run(HEX, 40).build(),
            token("doppler-token", "Doppler personal or service token").prefix("dp.pt.", "dp.st.", "dp.sa.")
                    .run(B62, 40, 44).build(),
            token("planetscale-token", "PlanetScale token or password").prefix("pscale_tkn_", "pscale_pw_")
                    .run(B64U, 32, 64).build(),
            token("databricks-token", "Databricks personal access token").prefix("dapi").run(HEX, 32).build(),
            token("supabase-key", "Supabase access token or secret key").prefix("sbp_", "sb_secret_")
                    .run(B64U, 30, 80).build(),
            token("fly-io-token", "Fly.io access token (GL flyio-access-token)").prefix("fm2_", "fm1r_", "fm1a_")
                    .run(B64, 40, 2048).padding().build(),
            token("fly-io-org-token", "Fly.io organization token fo1_ (GL flyio-access-token)").prefix("fo1_")
                    .run(B64U, 43).build(),

            // ---- Developer platforms and SaaS ----
            token("github-pat", "GitHub personal access token (classic)").prefix("ghp_").run(B62, 36)
                    .confirmedBy(CRC32_BASE62, "github-token-unverified").build(),
            token("github-oauth-token", "GitHub OAuth access token").prefix("gho_").run(B62, 36)
                    .confirmedBy(CRC32_BASE62, "github-token-unverified").build(),
            token("github-user-to-server-token", "GitHub App user-to-server token").prefix("ghu_").run(B62, 36)
                    .confirmedBy(CRC32_BASE62, "github-token-unverified").build(),
            token("github-server-to-server-token", "GitHub App installation token").prefix("ghs_").run(B62, 36)
                    .confirmedBy(CRC32_BASE62, "github-token-unverified").build(),
            token("github-refresh-token", "GitHub App refresh token").prefix("ghr_").run(B62, 36)
                    .confirmedBy(CRC32_BASE62, "github-token-unverified").build(),
            token("github-token-unverified", "GitHub classic token whose CRC32 checksum fails (corrupted, reassembled or "
                    + "fabricated): still that secret").prefix("ghp_", "gho_", "ghu_", "ghs_", "ghr_").run(B62, 36)
                    .checksumFails(CRC32_BASE62).build(),
            token("github-fine-grained-pat", "GitHub fine-grained personal access token").prefix("github_pat_")
                    .run(B62, 22).literal("_").run(B62, 59).build(),
            token("gitlab-pat", "GitLab personal access token").prefix("glpat-").run(B64U_DOT, 20, 320).build(),
            token("gitlab-token", "Other GitLab tokens (deploy, feed, runner, OAuth, agent, trigger …)")
                    .prefix("gldt-", "glft-", "glrt-", "glsoat-", "glffct-", "glcbt-", "glimt-", "glptt-",
                            "glagent-", "gloas-", "GR1348941")
                    .run(B64U_DOT, 20, 320).build(),
            token("slack-bot-token", "Slack bot token, also with a short tail (GL)").prefix("xoxb-")
                    .run(DIGITS, 8, 14).literal("-").run(B62_DASH, 8, 255).build(),
            token("slack-user-token", "Slack user token").prefix("xoxp-").run(DIGITS, 8, 14).literal("-")
                    .run(B62_DASH, 8, 255).build(),
            token("slack-legacy-token", "Slack workspace, refresh or legacy token")
                    .prefix("xoxa-", "xoxr-", "xoxs-", "xoxo-").run(B62_DASH, 20, 255).build(),
            token("slack-app-token", "Slack app-level token").prefix("xapp-").run(B62_DASH, 30, 255).build(),
            token("slack-config-token", "Slack configuration access or refresh token")
                    .prefix("xoxe.xoxp-", "xoxe.xoxb-", "xoxe-").run(B62_DASH, 30, 300).build(),
            token("slack-webhook-url", "Slack incoming (service) webhook URL, also JSON-escaped (GL, TH)")
                    .urlPrefix("hooks.slack.com/services/").run(WEBHOOK_PATH, 20, 160).build(),
            token("slack-workflow-webhook-url", "Slack workflow or trigger webhook URL")
                    .urlPrefix("hooks.slack.com/workflows/", "hooks.slack.com/triggers/").run(WEBHOOK_PATH, 20, 160)
                    .build(),
            token("stripe-secret-key", "Stripe secret key, live, test or prod (GL stripe-access-token)")
                    .prefix("sk_live_", "sk_test_", "sk_prod_").run(B62, 10, 247).build(),
            token("stripe-restricted-key", "Stripe restricted key").prefix("rk_live_", "rk_test_", "rk_prod_")
                    .run(B62, 10, 247).build(),
            token("webhook-signing-secret", "Stripe / Svix webhook signing secret").prefix("whsec_")
                    .run(B64, 20, 100).padding().build(),
            token("sendgrid-api-key", "SendGrid API key").prefix("SG.").run(B64U, 22).literal(".")
                    .run(B64U, 43).build(),
            token("twilio-api-key", "Twilio API key SID").prefix("SK").run(HEX, 32).build(),
            nearby("twilio-auth-token", "Twilio auth token near the word twilio").keywords("twilio")
                    .run(HEX, 32).within(80).build(),
            token("mailgun-api-key", "Mailgun API key (legacy key-)").prefix("key-").run(HEX, 32).notTruncated()
                    .build(),
            nearby("mailgun-key", "Mailgun API or webhook signing key (32-8-8 hex) near the word mailgun (GL, TH)")
                    .keywords("mailgun").run(HEX, 32).literal("-").run(HEX, 8).literal("-").run(HEX, 8).within(80)
                    .build(),
            token("mailchimp-api-key", "Mailchimp API key").anchorAt(32, "-us").run(HEX, 32).literal("-us")
                    .run(DIGITS, 1, 2).build(),
            token("npm-token", "npm access token").prefix("npm_").run(B62, 36)
                    .confirmedBy(CRC32_BASE62, "npm-token-unverified").build(),
            token("npm-token-unverified", "npm access token whose CRC32 checksum fails").prefix("npm_").run(B62, 36)
                    .checksumFails(CRC32_BASE62).build(),
            token("pypi-token", "PyPI or TestPyPI upload token (GL, TH)")
                    .prefix("pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBp")
                    .run(B64U, 50, 300).build(),
            token("rubygems-api-key", "RubyGems API key").prefix("rubygems_").run(HEX, 48).build(),
            token("nuget-api-key", "NuGet API key").prefix("oy2").run(LOWER_BASE32, 43).build(),
            token("dockerhub-token", "Docker Hub personal or organization access token")
                    .prefix("dckr_pat_", "dckr_oat_").run(B64U, 27, 40).build(),
            token("shopify-token", "Shopify access token or shared secret")
                    .prefix("shpat_", "shpca_", "shppa_", "shpss_").run(HEX_ANY_CASE, 32).build(),
            token("square-access-token", "Square access token, production or sandbox (TH squareapp)")
                    .prefix("EAAA", "sq0atp-", "sandbox-sq0atb-").run(B64U, 22, 100)
                    .entropy(3.5).build(),
            token("square-oauth-secret", "Square OAuth secret, production or sandbox (TH squareapp)")
                    .prefix("sq0csp-", "sandbox-sq0csb-").run(B64U, 40, 50).build(),
            nearby("discord-bot-token", "Discord bot token near the word discord").keywords("discord")
                    .run(B64U, 23, 28).literal(".").run(B64U, 6, 7).literal(".").run(B64U, 27, 40).within(80).build(),
            token("discord-webhook-url", "Discord webhook URL, also JSON-escaped (TH discordwebhook)")
                    .urlPrefix("discord.com/api/webhooks/", "discordapp.com/api/webhooks/").run(DIGITS, 17, 20)
                    .run(WEBHOOK_SLASH, 1, 2).run(B64U, 60, 80).build(),
            nearby("telegram-bot-token", "Telegram bot token near the word telegram")
                    .keywords("telegram", "tgram").run(DIGITS, 8, 10).literal(":A").run(B64U, 34).within(80).build(),
            token("linear-api-key", "Linear API key").prefix("lin_api_").run(B62, 40).build(),
            token("notion-token", "Notion integration token").prefix("ntn_", "secret_").run(B62, 43, 50)
                    .entropy(3.5).build(),
            token("grafana-cloud-token", "Grafana Cloud access policy token").prefix("glc_")
                    .run(B64, 32, 400).padding().build(),
            token("grafana-service-account-token", "Grafana service-account token").prefix("glsa_")
                    .run(B62, 32).literal("_").run(HEX, 8).build(),
            token("sentry-org-token", "Sentry organization auth token, payload padded or not (GL, TH)").prefix("sntrys_")
                    .run(B64, 20, 400).padding().literal("_").run(B64, 40, 48).build(),
            token("sentry-user-token", "Sentry user auth token").prefix("sntryu_").run(HEX, 64).build(),
            token("postman-api-key", "Postman API key").prefix("PMAK-").run(HEX, 24).literal("-").run(HEX, 34).build(),
            token("atlassian-api-token", "Atlassian (Jira, Confluence) API token ATATT3 / ATCTT3 (GL, TH)")
                    .prefix("ATATT3", "ATCTT3").run(ATLASSIAN, 100, 300).padding().run(B62, 0, 16).build(),
            token("age-secret-key", "age encryption secret key").prefix("AGE-SECRET-KEY-1")
                    .run(BECH32_UPPER, 58).build(),
            token("new-relic-user-key", "New Relic user API key").prefix("NRAK-").run(UPPER_DIGITS, 27).build(),
            nearby("datadog-api-key", "Datadog API or application key near its name")
                    .keywords("datadog", "dd_api_key", "dd_app_key", "dd-api-key", "dd-application-key")
                    .run(HEX, 32, 40).within(64).build(),
            token("circleci-token", "CircleCI personal API token").prefix("CCIPAT_").run(B64U, 40, 80).build(),
            nearby("algolia-admin-key", "Algolia admin API key near the word algolia").keywords("algolia")
                    .run(HEX, 32).within(64).build(),
            token("mapbox-secret-token", "Mapbox secret access token").prefix("sk.eyJ").run(B64U, 50, 300)
                    .literal(".").run(B64U, 20, 40).build(),
            token("flutterwave-secret-key", "Flutterwave secret key").prefix("FLWSECK_TEST-", "FLWSECK-")
                    .run(HEX, 32).literal("-X").build(),
            token("contentful-token", "Contentful personal access token").prefix("CFPAT-").run(B64U, 43).build(),
            token("dynatrace-token", "Dynatrace API token").prefix("dt0c01.").run(UPPER_DIGITS, 24).literal(".")
                    .run(UPPER_DIGITS, 64).build(),
            token("facebook-access-token", "Facebook (Meta) user access token").prefix("EAACEdEose0cBA")
                    .run(B62, 20, 300).build(),
            token("prefect-api-key", "Prefect API key").prefix("pnu_").run(B62, 36).build(),
            token("onepassword-service-account-token", "1Password service-account token").prefix("ops_eyJ")
                    .run(B64U, 100, 2048).padding().build(),
            token("infracost-api-key", "Infracost API key").prefix("ico-").run(B62, 32).build(),
            token("sourcegraph-token", "Sourcegraph access token, also upper-case hex and sgp_local_ (GL, TH)")
                    .prefix("sgp_local_", "sgp_").run(Alphabet.of("hex and underscores", "0-9a-fA-F_"), 40, 60).build(),
            token("buildkite-token", "Buildkite agent or user token").prefix("bkua_").run(HEX, 40).build(),
            token("render-api-key", "Render API key").prefix("rnd_").run(B62, 32).build(),

            nearby("airtable-pat", "Airtable personal access token near the word airtable (TH; a bare pat… in an "
                    + "Authorization header is a bearer token)").keywords("airtable").prefix("pat").run(B62, 14)
                    .literal(".").run(HEX, 64).within(80).build(),
            nearby("asana-pat", "Asana personal access token near an Asana variable or host (TH)")
                    .keywords("asana_pat", "asana_token", "asana_access_token", "app.asana.com")
                    .run(Alphabet.of("digits and slashes", "0-9/"), 18, 60).literal(":").run(B62, 32, 40).within(64)
                    .build(),
            token("new-relic-license-key", "New Relic license (ingest) key ending FFFFNRAL (TH)")
                    .anchorAt(32, "FFFFNRAL").run(LOWER_ALNUM, 32).literal("FFFFNRAL").build(),
            token("new-relic-insert-key", "New Relic Insights insert key (GL)").prefix("NRII-").run(B64U, 32).build(),
            nearby("better-stack-token", "Better Stack (Logtail, Uptime) token near its name (TH betterstack)")
                    .keywords("betterstack", "better_stack", "better-stack", "logtail", "betteruptime").run(B62, 24)
                    .entropy(3.0).randomBody().within(64).build(),
            nearby("loggly-token", "Loggly customer token near the word loggly (TH)").keywords("loggly").uuid()
                    .within(64).build(),
            nearby("logzio-token", "Logz.io shipping or API token near the word logz (TH)").keywords("logz").uuid()
                    .within(64).build(),
            nearby("mixpanel-secret", "Mixpanel project secret or service-account secret near the word mixpanel (TH)")
                    .keywords("mixpanel").run(B62, 32).entropy(3.0).randomBody().within(64).build(),
            nearby("amplitude-api-key", "Amplitude API or secret key near the word amplitude (TH)")
                    .keywords("amplitude").run(HEX, 32).within(64).build(),
            nearby("segment-api-token", "Segment public API token near the word segment (TH)").keywords("segment")
                    .run(B64U, 43).literal(".").run(B64U, 43).within(64).build(),
            token("launchdarkly-sdk-key", "LaunchDarkly server-side SDK key (TH)").prefix("sdk-").uuid().build(),
            nearby("launchdarkly-api-token", "LaunchDarkly API access token near the word launchdarkly (TH)")
                    .keywords("launchdarkly", "launch_darkly").prefix("api-").uuid().within(64).build(),
            nearby("okta-api-token", "Okta API token after SSWS or near the word okta (GL, TH)")
                    .keywords("ssws", "okta").prefix("00").run(B64U, 40).within(64).build(),
            token("docker-config-auth", "Registry credentials in a Docker config.json \"auth\" field (base64 of "
                    + "user:password, Docker CLI docs)")
                    .prefix("\"auth\":\"", "\"auth\": \"", "\\\"auth\\\":\\\"", "\\\"auth\\\": \\\"")
                    .run(B64, 12, 2048).padding().entropy(3.0).maskAfterPrefix().build(),
            nearby("vault-approle-secret-id", "Vault AppRole secret_id (a UUID) near its name (Vault AppRole docs)")
                    .keywords("secret_id", "secret-id", "secretid").uuid().within(24).build(),
            nearby("vault-legacy-token", "Vault legacy s. service token near the word vault (GL vault-service-token)")
                    .keywords("vault").prefix("s.").run(B62, 24).within(64).build(),
            token("teams-webhook-url", "Microsoft Teams / Office 365 incoming webhook URL, also JSON-escaped (GL, TH)")
                    .urlPrefix("webhook.office.com/webhookb2/", "outlook.office.com/webhook/",
                            "outlook.office365.com/webhook/")
                    .run(Alphabet.of("webhook path", "A-Za-z0-9@/\\_-"), 60, 400).build(),
            token("zapier-webhook-url", "Zapier catch-hook URL, also JSON-escaped (TH zapierwebhook)")
                    .urlPrefix("hooks.zapier.com/hooks/catch/").run(WEBHOOK_PATH, 10, 80).build(),

            // ---- Structural ----
            // Before jwt: a two-part token at the end of a line is labelled as such, not as a cut jwt.
            token("jwt-unsigned", "Two-part JSON Web Token with no signature part (alg none); a third part makes it "
                    + "a `jwt`").prefix("eyJ").run(B64U, 10, 4096).literal(".eyJ").run(B64U, 10, 8192)
                    .notFollowedBy(".").notAfter(".").build(),
            token("jwt", "JSON Web Token (also a session or ID token)").prefix("eyJ").run(B64U, 10, 4096)
                    .literal(".eyJ").run(B64U, 10, 8192).literal(".").run(B64U, 0, 2048)
                    .notAfter(".").build(), // a JWT's second part never starts another one
            structural("private-key", "PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP)",
                    new PrivateKeyBlockVerifier(false)).anchors("-----BEGIN ").build(),
            structural("putty-private-key", "PuTTY private key file", new PrivateKeyBlockVerifier(true))
                    .anchors("PuTTY-User-Key-File-").build(),
            structural("kubernetes-secret", "The data: values of a Kubernetes Secret manifest, base64 of secrets "
                    + "(Kubernetes docs)", new KubernetesSecretVerifier("data")).anchors(KUBERNETES_SECRET).build(),
            structural("kubernetes-secret-string-data", "The stringData: values of a Kubernetes Secret manifest, "
                    + "secrets in clear (Kubernetes docs)", new KubernetesSecretVerifier("stringData"))
                    .anchors(KUBERNETES_SECRET).build(),

            // ---- Credentials in text ----
            structural("uri-password", "Password in a URI's user-info (postgres, mongodb, redis, amqp, http …) "
                    + "or an Oracle JDBC URL", new UriPasswordVerifier()).anchors("://", "jdbc:oracle:").build(),
            assignment("authorization-header", "Credentials in an Authorization header (scheme word kept)")
                    .keywords("authorization", "proxy-authorization")
                    .schemes("bearer", "basic", "token", "bot", "apikey", "sso-key", "ssws", "key", "negotiate",
                            "digest", "hmac", "api-token", "bearer-token")
                    .value(6, 4096).build(),
            assignment("bearer-token", "A bearer token after the word Bearer").keywords("bearer").operatorOptional()
                    .valueAlphabet(BEARER).value(16, 4096).entropy(3.0).notLettersOnly().build(),
            assignment("api-key-header", "API key headers (x-api-key, api-key, x-goog-api-key …)")
                    .keywords("x-api-key", "api-key", "x-goog-api-key", "x-auth-token", "x-access-token",
                            "ocp-apim-subscription-key", "x-functions-key", "x-subscription-token")
                    .value(8, 1024).entropy(3.0).notLettersOnly().build(),
            assignment("password-assignment", "A value under a password-like name (password, pwd, passphrase, "
                    + "secret, client_secret, DB_PASS …) in any syntax")
                    .keywords("password", "passwd", "pwd", "passphrase", "secret", "pass", "pw", "pswd")
                    .names(SensitiveKeys.PASSWORD).value(3, 1024).build(),
            assignment("url-credential-param", "Credentials in URL query parameters")
                    .keywords("access_token=", "refresh_token=", "id_token=", "client_secret=", "api_key=", "apikey=",
                            "x-amz-signature=", "x-amz-security-token=", "auth_token=")
                    .valueAlphabet(URL_B64.union(B64U_DOT)).value(6, 4096).build(),
            assignment("secret-assignment", "A value under a credential name (token, api key, access key, "
                    + "credentials, cookie, signature, session id, bare key …) in any syntax")
                    .keywords(CREDENTIAL_NAME_ANCHORS).anchors("Key", "KEY", "Auth", "AUTH")
                    .names(SensitiveKeys.CREDENTIAL, SensitiveKeys.WEAK).value(1, 1024).build(),
            structural("cli-password", "Passwords on a command line: curl -u user:<password>, mysql -p<password>",
                    new CliPasswordVerifier()).anchors(" -u ", " -u'", " -u\"", "--user ", "--user=", " -p", " -a ",
                            " -U ", "htpasswd ", " -P", " -w").anchors(CliPasswordVerifier.KEYTOOL_OPTIONS)
                    .anchors(CliPasswordVerifier.OPENSSL_PASS_OPTIONS).build(),
            structural("sql-password", "Passwords in SQL statements: IDENTIFIED BY, a literal after PASSWORD "
                    + "(CREATE/ALTER USER, ROLE, LOGIN)", new SqlPasswordVerifier())
                    .keywords("identified by", "identified with", "password").build());

    private Catalog() {
    }

    private static TokenShape idShape(List<String> prefixes, Alphabet alphabet, int length, double entropy) {
        return new TokenShape(prefixes, List.of(Segment.run(alphabet, length, length)), null, null, null, entropy,
                Alphabet.IDENTIFIER);
    }

    static List<Rule> rules() {
        return RULES;
    }
}

import { describe, expect, test } from "vitest";
import { addressProblem, hostLiteral, parseWebhookUrl, webhookUrlSyntaxProblem, WEBHOOK_URL_MAX_LENGTH } from "./webhook-url";

describe("addressProblem", () => {
  test.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.0.0.5", "private"],
    ["172.16.3.4", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"], // cloud metadata
    ["100.64.0.1", "carrier-grade NAT"],
    ["224.0.0.1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.10", "reserved"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link-local"],
    ["fd00:ec2::254", "unique local"], // AWS's IPv6 metadata address
    ["fc00::1", "unique local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"], // IPv4-mapped forms are judged as their IPv4 address
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["::ffff:10.0.0.5", "private"],
    ["64:ff9b::a00:5", "special-purpose (rfc6052)"], // NAT64 of 10.0.0.5
    ["2002:a00:5::1", "special-purpose (6to4)"],
    ["2001:0:4136:e378::1", "teredo"],
    ["localhost", "not an IP address"],
    ["", "not an IP address"],
  ])("%s is refused (%s)", (address, why) => expect(addressProblem(address)).toContain(why));

  test.each(["93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"])("%s is a public address", (address) =>
    expect(addressProblem(address)).toBeNull(),
  );
});

describe("parseWebhookUrl and webhookUrlSyntaxProblem", () => {
  const strict = (url: string) => webhookUrlSyntaxProblem(url, { allowPrivate: false });

  test.each([
    ["http://169.254.169.254/latest/meta-data/", "link-local"],
    ["http://127.0.0.1:5432", "loopback"],
    ["http://[::1]/hook", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "loopback"],
    ["http://10.0.0.5/", "private"],
    ["http://2130706433/", "loopback"], // decimal 127.0.0.1
    ["http://0x7f000001/", "loopback"], // hex
    ["http://0x7f.1/", "loopback"],
    ["http://017700000001/", "loopback"], // octal
    ["http://127.1/", "loopback"],
    ["http://0/", "unspecified"],
    ["http://[fe80::1]/", "link-local"],
    ["ftp://hooks.example.com/", "https:// or http://"],
    ["file:///etc/passwd", "https:// or http://"],
    ["javascript:alert(1)", "https:// or http://"],
    ["gopher://hooks.example.com:70/", "https:// or http://"],
    ["https://user:pass@hooks.example.com/", "user name or password"],
    ["https://user@hooks.example.com/", "user name or password"],
    ["not a url", "not a valid URL"],
    ["https://", "not a valid URL"],
    [`https://hooks.example.com/${"a".repeat(WEBHOOK_URL_MAX_LENGTH)}`, "longer than 2048"],
  ])("%s is refused (%s)", (url, why) => expect(strict(url)).toContain(why));

  test.each(["https://hooks.example.com/heurist", "http://93.184.215.14:8080/x?token=abc", "https://[2606:4700:4700::1111]/", "https://discord.com/api/webhooks/1/abc"])(
    "%s passes the syntax checks",
    (url) => expect(strict(url)).toBeNull(),
  );

  test("private literals pass when private addresses are allowed (the local launcher and tests); the syntax checks still apply", () => {
    expect(webhookUrlSyntaxProblem("http://127.0.0.1:9000/hook", { allowPrivate: true })).toBeNull();
    expect(webhookUrlSyntaxProblem("ftp://127.0.0.1/", { allowPrivate: true })).toContain("https:// or http://");
  });

  test("the fragment is dropped (it is never sent), and literal hosts are recognised in the parser's normal form", () => {
    expect(parseWebhookUrl("https://hooks.example.com/a#frag").url?.toString()).toBe("https://hooks.example.com/a");
    expect(hostLiteral(new URL("http://0x7f.1/").hostname)).toBe("127.0.0.1");
    expect(hostLiteral(new URL("http://[::1]/").hostname)).toBe("::1");
    expect(hostLiteral("hooks.example.com")).toBeNull();
  });
});

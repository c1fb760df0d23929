import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/server/passwords";

const amina = { email: "amina.diallo@unodc.example", name: "Amina Diallo" };

describe("passwordProblem", () => {
  it.each(["qwertyuiop123", "123qweasdzxc", "Password2026!", "!!letmein12345", "iloveyou1234", "aaaaaaaaaaaaaa", "abababababab"])("refuses %s", (pw) => {
    expect(passwordProblem(pw, amina)).toMatch(/common|repeats/);
  });

  it("refuses a password built on the person's own name or e-mail", () => {
    expect(passwordProblem("Diallo-2026-Vienna", amina)).toMatch(/your name/);
    expect(passwordProblem("my amina.diallo key", amina)).toMatch(/your name/);
  });

  it.each(["a long enough passphrase", "correct horse battery staple", "tram Karlsplatz 7 Ballhausplatz"])("accepts %s", (pw) => {
    expect(passwordProblem(pw, amina)).toBeNull();
  });
});

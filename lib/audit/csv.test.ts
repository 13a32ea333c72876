import { describe, expect, it } from "vitest";
import { csvDocument, csvField } from "./csv";

describe("csvField", () => {
  it("leaves plain text and numbers as they are, and writes nothing for no value", () => {
    expect(csvField("service.scale")).toBe("service.scale");
    expect(csvField(42)).toBe("42");
    expect(csvField(undefined)).toBe("");
    expect(csvField(null)).toBe("");
  });

  it("quotes a field with a comma, a quote or a line break, doubling its quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
  });

  it("disarms a cell a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("a=b")).toBe("a=b");
  });
});

describe("csvDocument", () => {
  it("writes the header, then each row, every record ending in CRLF", () => {
    expect(csvDocument(["id", "detail"], [[1, "ok"], [2, "one, two"]])).toBe('id,detail\r\n1,ok\r\n2,"one, two"\r\n');
  });

  it("is the header alone when there are no rows", () => {
    expect(csvDocument(["id"], [])).toBe("id\r\n");
  });
});

/**
 * Where JSON text stops being JSON, found the same way in every browser: engines word
 * JSON.parse's errors differently, and some give no position at all. Only called on text
 * JSON.parse refused, so it need not build anything.
 */
export interface JsonTextError {
  message: string;
  /** Offset of the character where the text goes wrong (its length when it ends too soon). */
  offset: number;
}

class Stop {
  constructor(readonly error: JsonTextError) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function jsonTextError(text: string): JsonTextError | undefined {
  let at = 0;
  const fail = (message: string): never => {
    throw new Stop({ message: at >= text.length ? "The JSON ends before it is complete" : message, offset: at });
  };
  const found = () => `found ${JSON.stringify(text[at])}`;
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at += 1;
  };
  const string = () => {
    at += 1;
    while (at < text.length) {
      const char = text[at]!;
      if (char === '"') return void (at += 1);
      if (char === "\\") {
        at += 1;
        if (text[at] === "u" ? !/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5)) : !'"\\/bfnrt'.includes(text[at] ?? "")) fail("Invalid escape in a string");
        at += text[at] === "u" ? 5 : 1;
      } else if (char < " ") fail("A string cannot hold a line break or control character: write \\n");
      else at += 1;
    }
    fail("A string is not closed");
  };
  const members = (close: "}" | "]", member: () => void) => {
    at += 1;
    space();
    if (text[at] === close) return void (at += 1);
    for (;;) {
      member();
      space();
      if (text[at] === close) return void (at += 1);
      if (text[at] !== ",") fail(`Expected , or ${close}, ${found()}`);
      at += 1;
    }
  };
  const property = () => {
    space();
    if (text[at] !== '"') fail(`Expected a property name in double quotes, ${found()}`);
    string();
    space();
    if (text[at] !== ":") fail(`Expected : after the property name, ${found()}`);
    at += 1;
    value();
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === "{") return members("}", property);
    if (char === "[") return members("]", value);
    if (char === '"') return string();
    NUMBER.lastIndex = at;
    if (NUMBER.test(text)) return void (at = NUMBER.lastIndex);
    const word = ["true", "false", "null"].find((literal) => text.startsWith(literal, at));
    if (word) return void (at += word.length);
    fail(`Expected a value, ${found()}`);
  };
  try {
    value();
    space();
    if (at < text.length) fail(`Unexpected text after the JSON, ${found()}`);
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.error;
    throw error;
  }
}

/** Character codes the XML scanners test, by name. */
export const enum CharCodes {
  Tab = 9, // \t
  LineFeed = 10, // \n
  CarriageReturn = 13, // \r
  Space = 32, // " "
  Bang = 33, // !
  DoubleQuote = 34, // "
  Hash = 35, // #
  SingleQuote = 39, // '
  Dash = 45, // -
  Dot = 46, // .
  Slash = 47, // /
  Zero = 48, // 0
  Nine = 57, // 9
  Colon = 58, // :
  Lt = 60, // <
  Eq = 61, // =
  Gt = 62, // >
  Question = 63, // ?
  UpperA = 65, // A
  UpperZ = 90, // Z
  Underscore = 95, // _
  LowerA = 97, // a
  LowerX = 120, // x
  LowerZ = 122, // z
  LastAscii = 127,
}

export function isSpace(c: number): boolean {
  return c === CharCodes.Space || c === CharCodes.LineFeed || c === CharCodes.CarriageReturn || c === CharCodes.Tab;
}

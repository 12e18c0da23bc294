/** Who makes a mark by default: the OS user name, or a placeholder where the OS has none to give. */
import { userInfo } from 'node:os';

export function osUserName(): string {
  try {
    return userInfo().username || 'unknown user';
  } catch {
    return 'unknown user';
  }
}

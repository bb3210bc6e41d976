/**
 * Watches everything a test prints (console, stdout, stderr) from
 * `beforeEach` to `afterEach`, and fails the test if any of the secrets
 * appears in it: the provisioning clients hold a Proxmox API token secret, a
 * BMC password and a BMC session token, and a debugging print of one must
 * not survive review.
 */
export function failOnPrintedSecrets(secrets: string[]) {
  let spies: jest.SpyInstance[] = [];
  beforeEach(() => {
    spies = [
      ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map(
        method => jest.spyOn(console, method),
      ),
      jest.spyOn(process.stdout, 'write'),
      jest.spyOn(process.stderr, 'write'),
    ];
  });
  afterEach(() => {
    const printed = spies
      .flatMap(spy => spy.mock.calls.flat())
      .map(argument => String(argument))
      .join('\n');
    for (const spy of spies) spy.mockRestore();
    expect(secrets.filter(secret => printed.includes(secret))).toEqual([]);
  });
}

/* A test fixture for Wine 8 only (docs: README, Development > Windows): Go 1.22 and later
 * Windows binaries call ProcessPrng from bcryptprimitives.dll at start-up, which Wine 8.0
 * lacks, so every Go .exe dies before main. This DLL gives it on top of RtlGenRandom
 * (advapi32). scripts/setup.sh --with-tests builds it into the test prefix's system32.
 * Real Windows 10/11 has the function; nothing here ships with the app. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, n)) return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}

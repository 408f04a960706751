/*
 * TEST ONLY, never shipped: a stand-in for Windows' bcryptprimitives.dll
 * for running Saywho under Wine 8.0 in `make test-dist`.
 *
 * Go (since 1.24) gets random bytes on Windows from ProcessPrng in
 * bcryptprimitives.dll, present on every Windows 10 and 11. Wine 8.0 has
 * no such DLL, so a Go program stops at start with "bcryptprimitives.dll
 * not found". This DLL exports ProcessPrng and answers it with advapi32's
 * RtlGenRandom (exported as SystemFunction036), which Wine does have.
 * .ci/test-dist.sh builds it with mingw and copies it into the throwaway
 * Wine prefix's system32.
 */
#include <windows.h>

/* RtlGenRandom, declared here to avoid ntsecapi.h's macro dance. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* ProcessPrng fills data with size random bytes; it always returns TRUE
 * on Windows (it cannot fail there); here it reports RtlGenRandom's
 * failure as FALSE. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        size -= n;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}

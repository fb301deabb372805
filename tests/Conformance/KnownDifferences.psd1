# Where the emulator knowingly answers otherwise than the real Nova/Keystone, and why.
# Keys are case names of ConformanceCases.psm1; a listed field may differ, nothing else.
@{
}

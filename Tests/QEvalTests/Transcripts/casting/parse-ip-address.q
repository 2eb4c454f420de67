/ an int reads a dotted IPv4 address; a guid reads IPv4 or IPv6
"I"$"10.0.0.1"
/=> 167772161i
"G"$"10.0.0.1"
/=> 00000000-0000-0000-0000-ffff0a000001

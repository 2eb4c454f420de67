/ .z.s is the running lambda: anonymous recursion
{$[x<2;1;x*.z.s x-1]}6
/=> 720

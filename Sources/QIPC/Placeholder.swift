// IPC: wire codec and transport (issue 4).

from kamctl.cli import main

main()

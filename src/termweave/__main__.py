from termweave.cli import main

raise SystemExit(main())

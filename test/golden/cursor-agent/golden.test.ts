import { runGoldenDir } from '../../harness/golden'

runGoldenDir(import.meta.dirname, 'cursor-agent')

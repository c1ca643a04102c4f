// Writes Brotli copies of the Camunda webjar's largest files, the ones every Tasklist visitor
// loads, into src/main/resources/precompressed/, with the SHA-256 of each original in
// precompressed.properties. The application sends a copy only to a browser that accepts Brotli and
// only while the original's SHA-256 still matches (after a Camunda upgrade it sends gzip until this
// is run again; PrecompressedWebjarTest fails then). Brotli at quality 11 takes ~12 s here, too
// slow to do on each build or start; gzip is Tomcat's, on the fly.
//
//   node src/tools/precompress-webjar.js   (from the project's root; needs Node.js >= 12, unzip, and the webjar in ~/.m2)
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');
const { execSync } = require('child_process');

const FILES = [
  'lib/deps.js',
  'app/tasklist/camunda-tasklist-bootstrap.js',
  'app/tasklist/camunda-tasklist-bootstrap.css',
];
const version = fs.readFileSync('pom.xml', 'utf8').match(/<camunda.version>([^<]+)</)[1];
const jar = path.join(process.env.HOME, '.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar', version,
  `camunda-webapp-webjar-${version}.jar`);
const target = path.join('src/main/resources/precompressed/webjars/camunda');
const manifest = [
  '# Brotli copies of Camunda webjar files (src/tools/precompress-webjar.js): path = SHA-256 of the original',
  `# camunda-webapp-webjar ${version}`,
];
for (const file of FILES) {
  const original = execSync(`unzip -p ${jar} META-INF/resources/webjars/camunda/${file}`, { maxBuffer: 64 << 20 });
  const brotli = zlib.brotliCompressSync(original, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: original.length } });
  fs.mkdirSync(path.join(target, path.dirname(file)), { recursive: true });
  fs.writeFileSync(path.join(target, file + '.br'), brotli);
  manifest.push(`${file}=${crypto.createHash('sha256').update(original).digest('hex')}`);
  console.log(`${file}: ${original.length} -> ${brotli.length} bytes`);
}
fs.writeFileSync(path.join(target, 'precompressed.properties'), manifest.join('\n') + '\n');
